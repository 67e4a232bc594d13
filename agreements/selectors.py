"""Reads of agreements that more than one page or command needs: the dashboard's blocks, the
agreement's page, a lookup by number, the signed copies. Every read for a person starts from
visible_to(user)."""

import datetime
import hashlib
import re

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from agreements import pdf_cache, permissions, placeholders
from agreements.guards import legal
from agreements.models import (
    Agreement,
    EligibilityFlag,
    HandbackEvidence,
    HandbackObligation,
    Opinion,
    ProvinceRisk,
    RefusalRequest,
    ReviewRequest,
    SignedCopy,
    TerminationMinutes,
)
from agreements.models.signed import signed_names
from conditions import eligibility
from conditions import selectors as condition_selectors
from core.models import DownloadRecord

S = Agreement.Status
ENDING_SOON = datetime.timedelta(days=90)
BLOCK_SIZE = 10


def _visible(user):
    return Agreement.objects.visible_to(user).select_related("partner", "handing_department")


# --- the dashboard's blocks: each one query, whatever the data size ------------------------------

# Each block filters on a status and reads in the order of an index of Agreement.Meta: (status,
# updated_at, id) or (status, term_end, id); the latest, (updated_at, id). The id breaks ties.

def drafts(user):
    return list(_visible(user).filter(status=S.DRAFT).order_by("-updated_at", "-pk")[:BLOCK_SIZE])


def in_review(user):
    return list(_visible(user).filter(status=S.REVIEW).order_by("updated_at", "pk")[:BLOCK_SIZE])


def asked_of(user, department):
    return list(_visible(user).awaiting_opinion_from(department).order_by("updated_at", "pk")[:BLOCK_SIZE])


def ending_soon(user, today):
    return list(_visible(user).filter(status=S.SIGNED, term_end__lte=today + ENDING_SOON)
                .order_by("term_end", "pk")[:BLOCK_SIZE])


def flagged(user):
    """Signed agreements whose partner is no longer eligible (an open flag)."""
    open_flag = EligibilityFlag.objects.filter(agreement=OuterRef("pk"), cleared_on__isnull=True)
    return list(_visible(user).filter(Exists(open_flag), status=S.SIGNED).order_by("term_end", "pk")[:BLOCK_SIZE])


def refusal_waiting(user):
    """Signed agreements whose receiving party asked to refuse the right to use, the Ministry yet to decide."""
    pending = RefusalRequest.objects.filter(agreement=OuterRef("pk"), status=RefusalRequest.Status.PENDING)
    return list(_visible(user).filter(Exists(pending), status=S.SIGNED).order_by("term_end", "pk")[:BLOCK_SIZE])


def at_risk(user):
    """Signed agreements with a province flagged at risk of abandonment (an open flag of the daily watch)."""
    open_risk = ProvinceRisk.objects.filter(agreement=OuterRef("pk"), cleared_on__isnull=True)
    return list(_visible(user).filter(Exists(open_risk), status=S.SIGNED).order_by("term_end", "pk")[:BLOCK_SIZE])


def latest(user):
    return list(_visible(user).order_by("-updated_at", "-pk")[:BLOCK_SIZE])


def counts_by_status(user):
    """{status label: number} over every agreement, for those who read them all; {} for others."""
    if not permissions.can_read_all(user):
        return {}
    found = dict(Agreement.objects.order_by().values_list("status").annotate(n=Count("pk")))
    return {label: found.get(value, 0) for value, label in S.choices}


# --- the inbox: what an addressee is asked -----------------------------------------------------------

DUE_SOON = datetime.timedelta(days=3)


def asked_of_me(user):
    """The requests sent to the user's department (a reviewer) or unit (a partner user) on minutes in
    review, each annotated `answered` (an opinion on the version it was sent). None for someone who
    records no opinions."""
    if not permissions.may_record_opinion(user):
        return None
    department_id = getattr(getattr(user, "staff_profile", None), "department_id", None)
    partner_id = getattr(getattr(user, "membership", None), "partner_id", None)
    mine = Q(pk__in=[])
    if department_id:
        mine |= Q(department_id=department_id)
    if partner_id:
        mine |= Q(to_partner=True, agreement__partner_id=partner_id, agreement__first_sent_at__isnull=False)
    answered = Opinion.objects.filter(request=OuterRef("pk"), version=OuterRef("version"),
                                      superseded_by__isnull=True)
    return (ReviewRequest.objects.filter(mine, sent_at__isnull=False, version__isnull=False,
                                         agreement__status=S.REVIEW)
            .annotate(answered=Exists(answered)))


def inbox(user, today):
    """The requests of asked_of_me() as rows with their state: overdue, due within 3 days, pending or
    answered; the unanswered first, the most urgent on top."""
    requests = asked_of_me(user)
    if requests is None:
        return []
    rows = list(requests.select_related("agreement__partner", "department", "version").order_by("due_on", "pk"))
    for row in rows:
        row.state = inbox_state(row, today)
    return sorted(rows, key=lambda r: (r.answered, r.due_on or datetime.date.max))


def inbox_state(request, today):
    State = ReviewRequest.State
    if request.answered:
        return State.ANSWERED
    if request.due_on and request.due_on < today:
        return State.OVERDUE
    if request.due_on and request.due_on <= today + DUE_SOON:
        return State.DUE_SOON
    return State.PENDING


def inbox_count(user):
    """How many requests wait for the user's department or unit to answer (for the navigation)."""
    requests = asked_of_me(user)
    return None if requests is None else requests.filter(answered=False).count()


def current_opinion(request):
    """The opinion standing for a request on the version it was last sent (None if none)."""
    if request.version_id is None:
        return None
    return (Opinion.objects.filter(request=request, version_id=request.version_id, superseded_by__isnull=True)
            .first())


def review_state(user, agreement):
    """The round as the agreement's page and the signing page show it: the versions sent, and each
    addressee (all for Ministry staff; their own for an addressee) with the opinion standing on the
    current version and how many of a disagreement's comments still wait for an answer."""
    versions = list(agreement.versions.order_by("number"))
    current = versions[-1] if versions else None
    requests = agreement.review_requests.select_related("department").order_by("to_partner", "department__name")
    if not permissions.can_read_all(user):
        requests = [r for r in requests if _acts_for(user, r, agreement)]
    else:
        requests = list(requests)
    standing = {o.request_id: o for o in Opinion.objects.filter(
        version=current, superseded_by__isnull=True).annotate(
        unanswered=Count("comments", filter=Q(comments__answer__isnull=True)))} if current else {}
    today = timezone.localdate()
    for request in requests:
        request.agreement = agreement
        request.opinion = standing.get(request.pk)
        request.answered = request.opinion is not None
        request.state = inbox_state(request, today) if agreement.status == S.REVIEW else None
        request.mine = _acts_for(user, request, agreement)
    return {"versions": versions, "current_version": current, "requests": requests}


def _acts_for(user, request, agreement):
    from agreements.services.review import acts_for

    request.agreement = agreement
    return acts_for(user, request)


# --- one agreement's page ------------------------------------------------------------------------

def _printed(agreement):
    """The clauses, each with its text as the minutes print it on the day they cite the law of."""
    printed = placeholders.printer(agreement)
    clauses = list(agreement.clauses.order_by("position", "pk"))
    for clause in clauses:
        clause.printed = printed(clause.text)
    return clauses


def agreement_page(user, agreement):
    """Everything the agreement's page shows besides the agreement itself, in a fixed number of queries."""
    watched = agreement.condition_set_id and agreement.status in (S.REVIEW, S.SIGNED)
    bases = list(agreement.legal_bases.select_related("authority_document", "legal_document")
                 .prefetch_related("legal_document__successors").order_by("position", "pk"))
    # Before signing, each basis from the library says if it is not in force on the day the minutes cite.
    warnings = legal.basis_warnings(bases, agreement.law_day()) if agreement.signed_on is None else {}
    for basis in bases:
        basis.warning = warnings.get(basis.pk)
    return {
        "legal_bases": bases,
        "law_day": agreement.law_day(),
        # Signed minutes name the parties as they were called that day.
        "as_signed": signed_names(agreement),
        "clauses": _printed(agreement),
        # Released provinces stay listed, marked as such: the signed text never changes.
        "scope": agreement.scope.select_related("province").order_by("province__name"),
        "refusal_requests": agreement.refusal_requests.select_related("filed_by").order_by("-filed_at", "-pk"),
        **review_state(user, agreement),
        # Reviewers and partners read the text as it was sent to them until it is signed.
        "reads_live_text": permissions.can_read_all(user) or agreement.signed_on is not None,
        "status_changes": agreement.status_changes.select_related("by"),
        # Once terminated: what the receiving party must hand back, and the minutes of termination.
        **(handback_state(agreement, evidence=False) if agreement.status == S.TERMINATED else {}),
        "flag": agreement.eligibility_flags.filter(cleared_on__isnull=True).first(),
        "notices": condition_selectors.notices_for(user, partner=agreement.partner,
                                                   condition_set=agreement.condition_set_id)
        if agreement.condition_set_id else [],
        "verdict": eligibility.verdict(agreement.partner, agreement.condition_set, timezone.localdate())
        if watched else None,
    }


# --- lookups -------------------------------------------------------------------------

REFERENCE = re.compile(r"(\d+)/([^/\s]+)(?:/(\d{4}))?")


def find_by_reference(reference):
    """"15/BB-CNTT" (the latest year with that number), "15/BB-CNTT/2026", or a database id; None if
    there is no such agreement. Raises ValueError for text that is none of these."""
    reference = reference.strip()
    match = REFERENCE.fullmatch(reference)
    if match:
        number, symbol, year = match.groups()
        found = Agreement.objects.filter(number=int(number), symbol=symbol)
        if year:
            found = found.filter(number_year=int(year))
        return found.order_by("-number_year").first()
    if reference.isascii() and reference.isdigit():
        return Agreement.objects.filter(pk=int(reference)).first()
    raise ValueError(reference)


# --- signed copies -------------------------------------------------------------------------------

def _copies():
    return SignedCopy.objects.select_related("agreement__partner", "agreement__handing_department")


def normalise_code(text):
    return "".join(c for c in (text or "").upper() if c.isalnum())


def signed_copy_by_code(text):
    """By the verification code, or by the SHA-256 fingerprint printed on the minutes."""
    code = normalise_code(text)
    if not code:
        return None
    if len(code) == 64:
        return _copies().filter(content_sha256=code.lower()).first()
    return _copies().filter(verification_code=code).first()


def signed_copy_by_bytes(data):
    return _copies().filter(sha256=hashlib.sha256(data).hexdigest()).first()


def minutes_file(agreement, *, by=None):
    """(PDF bytes, file name, kind): the copy stored at signing, or the draft as it is now (rendered for `by`
    unless an unchanged draft's PDF is kept: agreements.pdf_cache)."""
    copy = SignedCopy.objects.filter(agreement=agreement).first() if agreement.signed_on else None
    if copy is not None:
        return (bytes(copy.data), f"bien-ban-{agreement.number_and_symbol.replace('/', '-')}.pdf",
                DownloadRecord.What.SIGNED_MINUTES)
    from agreements import minutes_pdf  # WeasyPrint loads only when a draft is rendered

    return (pdf_cache.pdf_of(minutes_pdf.minutes_html(agreement, draft=True), by=by),
            f"du-thao-bien-ban-{agreement.pk}.pdf", DownloadRecord.What.DRAFT_MINUTES)


# --- after termination ---------------------------------------------------------------------------

def handback_state(agreement, *, evidence=True, today=None):
    """The hand-back obligations of terminated minutes, each with its clause's article number and whether it is
    overdue today (with its evidence and who recorded and confirmed, when `evidence`), and the minutes of
    termination without their bytes; in a fixed number of queries."""
    today = today or timezone.localdate()
    obligations = HandbackObligation.objects.filter(agreement=agreement).order_by("due_on", "pk")
    if evidence:
        obligations = obligations.select_related("recorded_by", "confirmed_by").prefetch_related(
            Prefetch("files", queryset=HandbackEvidence.objects.order_by("pk")))
    obligations = list(obligations)
    articles = {}
    if any(o.clause_id for o in obligations):  # the minutes print Article 1 themselves; the clauses follow
        clauses = agreement.clauses.order_by("position", "pk").values_list("pk", flat=True)
        articles = {pk: number for number, pk in enumerate(clauses, start=2)}
    for obligation in obligations:
        obligation.article = articles.get(obligation.clause_id)
        obligation.overdue = obligation.is_overdue(today)
    return {"handback": obligations,
            "termination_minutes": TerminationMinutes.objects.filter(agreement=agreement).defer("data").first()}


def _termination_minutes():
    return TerminationMinutes.objects.select_related("agreement__partner", "agreement__handing_department")


def termination_minutes_by_code(text):
    """By the verification code, or by the SHA-256 fingerprint printed on the minutes of termination."""
    code = normalise_code(text)
    if not code:
        return None
    if len(code) == 64:
        return _termination_minutes().filter(content_sha256=code.lower()).first()
    return _termination_minutes().filter(verification_code=code).first()


def termination_minutes_by_bytes(data):
    return _termination_minutes().filter(sha256=hashlib.sha256(data).hexdigest()).first()
