"""Who is told what about an agreement, and with which details. The words are in the templates
notices/<kind>.txt; core.notices keeps each event to one notice per person and sends the mail.

The receiving party's people are told only of minutes they may read: from the moment the minutes
were first sent (DOMAIN.md), never of a draft cancelled before it went out."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from core.notices import notify


def _name(agreement):
    """The agreement's one name (Agreement.__str__); a draft's in its English source, translated when read."""
    if agreement.number:
        return agreement.number_and_symbol
    return {"msgid": agreement.DRAFT_NAME, "with": agreement.draft_name_params()}


def _base(agreement):
    return {"agreement": _name(agreement), "partner": agreement.partner.short_name, "subject": agreement.title}


def _source(label):
    """A choice's label (the lazy one of its TextChoices, not get_FOO_display(), which is already
    translated) as its English source: stored with the notice, translated when it is read."""
    with translation.override(None):
        return str(label)


def drafters(agreement):
    """The drafter who started the minutes and whoever sent a version of them."""
    User = get_user_model()
    return list(User.objects.filter(pk__in=[agreement.created_by_id,
                                            *agreement.versions.values_list("sent_by_id", flat=True)]))


def partner_people(agreement):
    """The receiving party's users, once the minutes have been sent (before that they are not theirs to read)."""
    if agreement.first_sent_at is None:
        return []
    User = get_user_model()
    return list(User.objects.filter(membership__partner_id=agreement.partner_id))


def _addressees(agreement, requests):
    """The people acting for each addressee the minutes were sent to."""
    from agreements.services.review import people_acting_for

    people = []
    for request in requests:
        if request.sent_at:
            request.agreement = agreement
            people += people_acting_for(request)
    return people


def review_requested(agreement, version, requests):
    from agreements.services.review import people_acting_for

    for request in requests:
        notify(people_acting_for(request), kind="review_requested",
               key=f"review_requested:{request.pk}:v{version.number}",
               url=reverse("agreements:version", args=[agreement.pk, version.number]),
               params={**_base(agreement), "version": version.label, "addressee": request.addressee,
                       "letter_number": request.letter_number, "letter_date": _d(request.letter_date),
                       "due_on": _d(request.due_on), "silence_is_agreement": request.silence_is_agreement,
                       "earlier": version.number > 1})


def opinion_received(opinion, agreement):
    request = opinion.request
    notify(drafters(agreement), kind="opinion_received", key=f"opinion_received:{opinion.pk}",
           url=reverse("agreements:opinion", args=[agreement.pk, opinion.pk]),
           params={**_base(agreement), "version": opinion.version.label, "addressee": request.addressee,
                   "letter_number": opinion.letter_number, "letter_date": _d(opinion.letter_date),
                   "position": _source(opinion.Position(opinion.position).label),
                   "agrees": opinion.position == opinion.Position.AGREE,
                   "correction": opinion.supersedes_id is not None})


def due_reminder(request, *, kind):
    """kind "review_due_soon" (3 days before) or "review_overdue"; the addressee is told, and for an
    overdue request the drafters too. Returns the people newly told."""
    from agreements.services.review import people_acting_for

    agreement, version = request.agreement, request.version
    people = people_acting_for(request)
    if kind == "review_overdue":
        people += drafters(agreement)
    return notify(people, kind=kind, key=f"{kind}:{request.pk}:v{version.number}",
                  url=reverse("agreements:version", args=[agreement.pk, version.number]),
                  params={**_base(agreement), "version": version.label, "addressee": request.addressee,
                          "letter_number": request.letter_number, "letter_date": _d(request.letter_date),
                          "due_on": _d(request.due_on), "silence_is_agreement": request.silence_is_agreement})


def returned(agreement, *, reason, requests):
    people = drafters(agreement) + _addressees(agreement, requests)
    version = agreement.versions.order_by("-number").first()
    notify(people, kind="returned_for_revision", key=f"returned:{agreement.pk}:v{version.number if version else 0}",
           url=agreement.get_absolute_url(), params={**_base(agreement), "reason": reason,
                                                     "version": version.label if version else ""})


def signed(agreement, *, requests):
    people = drafters(agreement) + partner_people(agreement) + _addressees(agreement, requests)
    notify(people, kind="agreement_signed", key=f"signed:{agreement.pk}", url=agreement.get_absolute_url(),
           params={**_base(agreement), "signed_on": _d(agreement.signed_on), "place": agreement.place})


def terminated(agreement):
    """Signed minutes ended: the drafters and the receiving party."""
    people = drafters(agreement) + partner_people(agreement)
    notify(people, kind="agreement_terminated", key=f"terminated:{agreement.pk}", url=agreement.get_absolute_url(),
           params={**_base(agreement), "terminated_on": _d(agreement.terminated_on),
                   "reason": _source(agreement.TerminationReason(agreement.termination_reason).label),
                   "notes": agreement.termination_notes})


def cancelled(agreement):
    """Minutes dropped before signing, told as a cancellation (never in force, so nothing was terminated): the
    drafters, the receiving party once the minutes were sent to it, and the departments asked for an opinion."""
    people = drafters(agreement) + partner_people(agreement)
    people += _addressees(agreement, agreement.review_requests.select_related("department"))
    notify(people, kind="agreement_cancelled", key=f"cancelled:{agreement.pk}", url=agreement.get_absolute_url(),
           params={**_base(agreement), "cancelled_on": _d(agreement.cancelled_on),
                   "notes": agreement.cancellation_notes})


def deployment_report_filed(report, agreement):
    """The drafters read what the receiving party reported of a province."""
    notify(drafters(agreement), kind="deployment_report_filed", key=f"deployment_report_filed:{report.pk}",
           url=report.get_absolute_url(),
           params={**_base(agreement), "province": report.province.name, "period": str(report.period),
                   "facilities_live": report.facilities_live, "records_created": report.records_created,
                   "incidents": report.incidents})


def _d(day):
    return day.strftime("%d/%m/%Y") if day else ""


def refusal_filed(request):
    """The Ministry's drafters are told a refusal request waits for their decision."""
    agreement = request.agreement
    notify(drafters(agreement), kind="refusal_filed", key=f"refusal_filed:{request.pk}",
           url=request.get_absolute_url(),
           params={**_base(agreement), "request": request.pk, "article": request.clause.article_number(),
                   "provinces": ", ".join(row.province.name for row in _asked(request))})


def refusal_decided(request):
    """The receiving party's users are told of the decision, and its outcome."""
    agreement = request.agreement
    notify(partner_people(agreement), kind="refusal_decided", key=f"refusal_decided:{request.pk}",
           url=request.get_absolute_url(),
           params={**_base(agreement), "request": request.pk, "article": request.clause.article_number(),
                   "accepted": request.status == request.Status.ACCEPTED,
                   "status": _source(request.Status(request.status).label),
                   "outcome": _source(request.Outcome(request.outcome).label) if request.outcome else "",
                   "provinces": ", ".join(row.province.name for row in _asked(request)),
                   "reason": request.decision_reason})


def _asked(request):
    from agreements.models import AgreementProvince

    return AgreementProvince.objects.filter(refusal_requests=request).select_related("province").order_by(
        "province__name")


def _obligation(obligation):
    agreement = obligation.agreement
    return {**_base(agreement), "kind": _source(obligation.Kind(obligation.kind).label),
            "due_on": _d(obligation.due_on)}


def handback_recorded(obligation):
    """The Ministry's drafters read what the receiving party recorded, to confirm or return it."""
    notify(drafters(obligation.agreement), kind="handback_recorded",
           key=f"handback_recorded:{obligation.pk}:{obligation.recorded_at:%Y%m%d%H%M%S%f}",
           url=obligation.get_absolute_url(), params={**_obligation(obligation), "notes": obligation.record_notes})


def handback_decided(obligation):
    """The receiving party's users are told whether the Ministry confirmed what they recorded or sent it back."""
    notify(partner_people(obligation.agreement), kind="handback_decided",
           key=f"handback_decided:{obligation.pk}:{obligation.confirmed_at:%Y%m%d%H%M%S%f}",
           url=obligation.get_absolute_url(),
           params={**_obligation(obligation), "confirmed": obligation.status == obligation.Status.CONFIRMED,
                   "reason": obligation.confirmation_notes})


def handback_overdue(obligation):
    """An obligation past its deadline: the receiving party and the drafters, once per obligation. Returns the
    people newly told."""
    agreement = obligation.agreement
    return notify(partner_people(agreement) + drafters(agreement), kind="handback_overdue",
                  key=f"handback_overdue:{obligation.pk}", url=obligation.get_absolute_url(),
                  params=_obligation(obligation))


def deployment_people(agreements):
    """{agreement id: its drafters (drafters() says who) and its receiving party's users} for signed minutes, in
    three queries however many: the daily deployment watch tells many at once."""
    from agreements.models import AgreementVersion

    User = get_user_model()
    agreements = {a.pk: a for a in agreements}
    drafter_ids = defaultdict(set)
    for agreement in agreements.values():
        drafter_ids[agreement.pk].add(agreement.created_by_id)
    for agreement_id, sent_by_id in AgreementVersion.objects.filter(agreement__in=agreements).values_list(
            "agreement_id", "sent_by_id"):
        drafter_ids[agreement_id].add(sent_by_id)
    users = User.objects.in_bulk({pk for ids in drafter_ids.values() for pk in ids if pk})
    members = defaultdict(list)
    for user in User.objects.filter(membership__partner__in={a.partner_id for a in agreements.values()}
                                    ).select_related("membership"):
        members[user.membership.partner_id].append(user)
    return {pk: [users[i] for i in sorted(drafter_ids[pk]) if i in users]
            + (members[a.partner_id] if a.first_sent_at else []) for pk, a in agreements.items()}


def province_at_risk(risk, params, people):
    """A province flagged at risk of abandonment, and why: the drafters and the receiving party."""
    agreement = risk.agreement
    return notify(people, kind="province_at_risk", key=f"risk:{risk.pk}",
                  url=reverse("agreements:deployment", args=[agreement.pk]),
                  params={**_base(agreement), **params, "province": risk.province.name, "risk": risk.reason,
                          "cause": _source(risk.Reason(risk.reason).label), "raised_on": _d(risk.raised_on)})


def province_risk_cleared(risk, people):
    """The cause of a province's risk flag went: the same people are told."""
    agreement = risk.agreement
    return notify(people, kind="province_risk_cleared", key=f"risk_cleared:{risk.pk}",
                  url=reverse("agreements:deployment", args=[agreement.pk]),
                  params={**_base(agreement), "province": risk.province.name,
                          "cause": _source(risk.Reason(risk.reason).label), "raised_on": _d(risk.raised_on),
                          "cleared_on": _d(risk.cleared_on)})
