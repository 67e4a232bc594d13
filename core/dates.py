"""Dates written the Vietnamese administrative way (Decree 30/2020/NĐ-CP)."""


def long_date(day):
    """"05 tháng 01 năm 2026": a day under 10 and the months 1 and 2 take a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d} tháng {month} năm {day.year}"


def place_and_date(place, day):
    """"Hà Nội, ngày 05 tháng 01 năm 2026"."""
    return f"{place}, ngày {long_date(day)}"


EARLIEST_YEAR, LATEST_YEAR = 1990, 2100


def sane_date(value):
    """Dates typed into forms stay within years the application can count from (no year 9999)."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    if value and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(_("Give a date between %(start)s and %(end)s.") % {
            "start": EARLIEST_YEAR, "end": LATEST_YEAR})
