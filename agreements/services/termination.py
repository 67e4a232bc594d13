"""The minutes of termination: numbered in the year with their own symbol, rendered once inside the termination
transaction and kept with their SHA-256, a fingerprint of their text and a code /verify/ checks, like the signed
copy of the handover minutes (agreements.services.signed_copies).

Who freezes them: the person terminating. The handover minutes need a signer's rights because signing them
commits the Ministry to a new agreement; the minutes of termination record a decision already taken under
ACTIONS["terminate"] (its permission, transition_agreement), so whoever may terminate makes them, and the paper
copy is signed by the same representatives as the handover minutes, whom they name as recorded at signing."""

import hashlib

from django.db import connection
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.minutes_text import _party, content_fingerprint
from agreements.models import TerminationMinutes
from agreements.models.signed import signed_names
from agreements.services.signed_copies import format_code, new_code, verify_url
from agreements.termination_text import termination_context
from core.tracking import tracked_save

SYMBOL = "BBCD"  # "biên bản chấm dứt", beside the handover minutes' "BB"


def symbol_for(agreement):
    return f"{SYMBOL}-{agreement.handing_department.code or 'CNTT'}"


def next_number(year, symbol):
    """The next free number of the year; numbering restarts at 01 each year (Decree 30/2020/NĐ-CP)."""
    last = (TerminationMinutes.objects.filter(number_year=year, symbol=symbol).order_by("-number")
            .values_list("number", flat=True).first())
    return (last or 0) + 1


def _lock_numbering(symbol):
    """Two terminations at once wait for each other here, so they cannot take the same number."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"termination-minutes:{symbol}"])


def parties_as_signed(agreement):
    """The parties as the signed copy named them; for a copy kept before names were recorded, as the agreement
    names them now."""
    return signed_names(agreement) or {
        "handing_department": agreement.handing_department.name,
        "partner": {"legal_name": agreement.partner.legal_name, "address": agreement.partner.address,
                    "tax_code": agreement.partner.tax_code},
        "handing": _party(agreement, "handing", True), "receiving": _party(agreement, "receiving", True)}


def termination_minutes_create(*, agreement, by, obligations):
    """Number, render and keep the minutes of termination; called by agreement_terminate only, in its
    transaction."""
    from agreements import minutes_pdf  # WeasyPrint loads only when someone terminates

    issued_on = timezone.localdate()
    symbol = symbol_for(agreement)
    _lock_numbering(symbol)
    number = next_number(issued_on.year, symbol)
    number_line = f"{number:02d}/{symbol}"
    record = parties_as_signed(agreement)
    context = termination_context(agreement, record=record, obligations=obligations, number_line=number_line,
                                  issued_on=issued_on)
    fingerprint = content_fingerprint(context)
    code = new_code()
    html = render_to_string("agreements/pdf/termination.html", {
        **context, "fingerprint": fingerprint, "verification_code": format_code(code), "verify_path": verify_url()})
    data = minutes_pdf.render_html(html)
    kept = {**record, "handover": context["handover_number"], "handover_signed_on": context["handover_signed_on"],
            "terminated_on": context["terminated_on"], "reason": context["reason"],
            "obligations": context["obligations"]}
    minutes = TerminationMinutes(agreement=agreement, number=number, number_year=issued_on.year, symbol=symbol,
                                 issued_on=issued_on, data=data, sha256=hashlib.sha256(data).hexdigest(),
                                 content_sha256=fingerprint, verification_code=code, record=kept, rendered_by=by)
    return tracked_save(minutes, by=by, reason=_("Minutes of termination %(ns)s rendered") % {"ns": number_line})
