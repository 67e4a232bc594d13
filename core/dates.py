"""Dates written the Vietnamese administrative way (Decree 30/2020/NĐ-CP)."""


def long_date(day):
    """"05 tháng 01 năm 2026": a day under 10 and the months 1 and 2 take a leading zero."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d} tháng {month} năm {day.year}"


def place_and_date(place, day):
    """"Hà Nội, ngày 05 tháng 01 năm 2026"."""
    return f"{place}, ngày {long_date(day)}"
