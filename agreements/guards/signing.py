"""Every rule a signing must pass (DOMAIN.md, lifecycle rules), in one place.

Sign only when the partner is active and eligible on the day of signing, the minutes carry a number
free in its year, a signing date that is not in the future, both signatories with the form each signs
in (guards.legal), only law in force on the signing day, and no province in scope is already covered
by another agreement in force for the same software. The service holds a
lock per software while these run, so two signings covering one province cannot both pass."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.guards import legal
from agreements.guards.common import partner_problems
from agreements.models import Agreement, AgreementProvince
from agreements.models.agreement import validate_symbol
from conditions import eligibility


def signing_problems(agreement):
    yield from partner_problems(agreement.partner)
    yield from details_problems(agreement)
    yield from legal.signing_form_problems(agreement)
    if agreement.signed_on:
        yield from legal.law_problems(agreement, agreement.signed_on)
    yield from coverage_problems(agreement)
    yield from eligibility_problems(agreement)


def details_problems(agreement):
    """The number, symbol, date and signatories the signed minutes print."""
    if not agreement.number:
        yield _("Give the minutes a number.")
    if not agreement.symbol:
        yield _("Give the minutes a symbol.")
    else:
        try:
            validate_symbol(agreement.symbol)
        except ValidationError as error:
            yield from error.messages
    if not agreement.signed_on:
        yield _("Give the signing date.")
    elif agreement.signed_on > timezone.localdate():
        yield _("The signing date cannot be in the future.")
    if agreement.number and agreement.symbol and agreement.signed_on:
        taken = Agreement.objects.filter(number_year=agreement.signed_on.year, number=agreement.number,
                                         symbol=agreement.symbol).exclude(pk=agreement.pk)
        if taken.exists():
            yield _("Number %(ns)s is already used in %(year)s.") % {
                "ns": agreement.number_and_symbol, "year": agreement.signed_on.year}
    if not (agreement.handing_signatory and agreement.handing_signatory_title):
        yield _("Name who signs for the handing party, with their title.")
    if not (agreement.receiving_signatory and agreement.receiving_signatory_title):
        yield _("Name who signs for the receiving party, with their title.")


def coverage_problems(agreement):
    """No province in scope may already be covered by another agreement in force for the same software."""
    if not (agreement.term_start and agreement.term_end):
        return
    mine = list(agreement.provinces.all())
    others = (
        AgreementProvince.objects.filter(
            agreement__in=Agreement.objects.in_force_between(agreement.term_start, agreement.term_end),
            agreement__software_name__iexact=agreement.software_name,
        )
        .exclude(agreement=agreement)
        # A province released by an accepted refusal is no longer covered from the day of its release.
        .exclude(released_on__lte=agreement.term_start)
        .select_related("agreement", "province", "agreement__partner")
        .order_by("agreement__signed_on", "province__code")
    )
    for row in others:
        for province in mine:
            if province.shares_territory_with(row.province):
                yield _(
                    "%(province)s is already covered by agreement %(other)s with %(partner)s, in force from "
                    "%(start)s to %(end)s."
                ) % {
                    "province": province.name, "other": row.agreement.number_and_symbol or row.agreement.pk,
                    "partner": row.agreement.partner.short_name,
                    "start": row.agreement.term_start.strftime("%d/%m/%Y"),
                    "end": row.agreement.in_force_until().strftime("%d/%m/%Y"),
                }


def eligibility_problems(agreement):
    """Only units that fully meet the conditions may take part (the seed letter, 2.1): under the set in
    force on the signing day, on that day, and, while the term runs, on the day the signing is recorded
    too, so that a signing date set in the past cannot slip past an expiry."""
    condition_set = agreement.condition_set
    if condition_set is None:
        yield _("Choose the condition set the receiving party is judged under.")
        return
    if not agreement.signed_on:
        return
    if not condition_set.in_force_on(agreement.signed_on):
        yield _("%(set)s is not in force on %(date)s: choose the condition set in force on the signing day.") % {
            "set": condition_set, "date": agreement.signed_on.strftime("%d/%m/%Y")}
        return
    today = timezone.localdate()
    days = [agreement.signed_on]
    if agreement.term_end and agreement.term_end >= today and today != agreement.signed_on:
        days.append(today)
    for day in days:
        for reason in eligibility.verdict(agreement.partner, condition_set, day).reasons():
            yield _("%(partner)s is not eligible on %(date)s — %(reason)s") % {
                "partner": agreement.partner.short_name, "date": day.strftime("%d/%m/%Y"), "reason": reason}
