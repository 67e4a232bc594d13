"""The rules each lifecycle move must pass. Each function yields every problem, not just the first."""

from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, AgreementProvince, Clause
from conditions import eligibility
from partners.models import Partner


def problems(agreement, to, by):
    checks = {
        Agreement.Status.REVIEW: [partner_problems, completeness_problems],
        Agreement.Status.SIGNED: [partner_problems, signing_problems, coverage_problems, eligibility_problems],
        Agreement.Status.TERMINATED: [termination_problems],
        Agreement.Status.DRAFT: [],
    }
    for check in checks[to]:
        yield from check(agreement)


def partner_problems(agreement):
    if agreement.partner.status != Partner.Status.ACTIVE:
        yield _("%(partner)s is %(status)s: only an active partner unit may take part.") % {
            "partner": agreement.partner.short_name, "status": agreement.partner.get_status_display().lower()}


def completeness_problems(agreement):
    """The minutes may go for review only when complete (DOMAIN.md, lifecycle rules)."""
    bases = list(agreement.legal_bases.select_related("authority_document"))
    if not bases:
        yield _("Add at least one legal basis.")
    if not any(b.authority_document_id and b.authority_document.partner_id == agreement.partner_id for b in bases):
        yield _("Cite among the legal bases an authority document of %(partner)s.") % {
            "partner": agreement.partner.short_name}
    present = set(agreement.clauses.values_list("section", flat=True))
    for section in Clause.REQUIRED_SECTIONS:
        if section not in present:
            yield _("Add a clause in the section “%(section)s”.") % {"section": Clause.Section(section).label}
    provinces = list(agreement.provinces.all())
    if not provinces:
        yield _("Name at least one province in scope.")
    if not agreement.term_start or not agreement.term_end:
        yield _("Set the term: its start and its end.")
    elif agreement.term_end <= agreement.term_start:
        yield _("The term must end after it starts.")
    else:
        for province in provinces:
            if not province.in_force_on(agreement.term_start):
                yield _("%(province)s was not in force when the term starts (%(date)s).") % {
                    "province": province, "date": agreement.term_start.strftime("%d/%m/%Y")}
    if not agreement.review_requests.exists():
        yield _("Ask at least one department for its opinion.")


def signing_problems(agreement):
    if not agreement.number:
        yield _("Give the minutes a number.")
    if not agreement.symbol:
        yield _("Give the minutes a symbol.")
    if not agreement.signed_on:
        yield _("Give the signing date.")
    elif agreement.signed_on > timezone.localdate():
        yield _("The signing date cannot be in the future.")
    if agreement.number and agreement.symbol and agreement.signed_on:
        taken = (Agreement.objects.filter(number_year=agreement.signed_on.year, number=agreement.number,
                                          symbol=agreement.symbol).exclude(pk=agreement.pk).first())
        if taken:
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


def termination_problems(agreement):
    reason = agreement.termination_reason
    if not agreement.terminated_on:
        yield _("Give the date of termination.")
    if not reason:
        yield _("Choose the reason for termination.")
        return
    signed = agreement.signed_on is not None
    if signed and reason == Agreement.TerminationReason.CANCELLED:
        yield _("A signed agreement cannot be cancelled; choose why it ends.")
    if not signed and reason != Agreement.TerminationReason.CANCELLED:
        yield _("An agreement that was never signed can only be cancelled.")
    if reason == Agreement.TerminationReason.REFUSED:
        clause = agreement.termination_clause
        if clause is None or clause.agreement_id != agreement.pk or clause.section != Clause.Section.REFUSAL:
            yield _("A refusal must cite one of the refusal cases of this agreement.")
    if signed and agreement.terminated_on and agreement.terminated_on < agreement.signed_on:
        yield _("An agreement cannot end before it was signed.")
