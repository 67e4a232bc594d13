"""The review round: freezing the text sent as a numbered version, the addressees' opinions and the
drafter's answers to their comments (DOMAIN.md, Review)."""

import hashlib
import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements import notify, permissions
from agreements.minutes_text import minutes_context
from agreements.models import (
    Agreement,
    AgreementProvince,
    AgreementVersion,
    Answer,
    Clause,
    Comment,
    LegalBasis,
    Opinion,
    ReviewRequest,
)
from core.exceptions import Refused
from core.permissions import require
from core.tracking import tracked_save
from core.uploads import named_as_detected, sha256_of, validate_upload

S = Agreement.Status


def version_freeze(agreement, *, by):
    """The text as it is now, frozen as the next version (called by the sending service, under its lock)."""
    bases = list(agreement.legal_bases.select_related("authority_document").order_by("position", "pk"))
    clauses = list(agreement.clauses.order_by("position", "pk"))
    minutes = minutes_context(agreement, draft=True)
    # Each clause as the minutes print it: placeholders filled, the law named as on the signing day.
    printed = {article["number"]: "\n".join(article["paragraphs"]) for article in minutes["articles"]}
    content = {
        "minutes": minutes,
        "bases": [{"key": f"basis:{b.pk}", "label": _basis_label(n, b), "text": b.citation}
                  for n, b in enumerate(bases, start=1)],
        "clauses": [{"key": f"clause:{c.pk}", "label": _clause_label(n, c), "heading": c.heading,
                     "section": c.section, "text": printed[n]} for n, c in enumerate(clauses, start=2)],
    }
    number = (agreement.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    fingerprint = hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    version = AgreementVersion(agreement=agreement, number=number, content=content, fingerprint=fingerprint,
                               authors=sorted(_authors(agreement) | {by.pk}), sent_by=by)
    return tracked_save(version, by=by, reason=_("Version v%(n)s sent for review") % {"n": number})


def _basis_label(number, basis):
    return _("Legal basis %(n)s: %(text)s") % {"n": number, "text": _short(basis.citation)}


def _clause_label(number, clause):
    return _("Article %(n)s. %(heading)s") % {"n": number, "heading": clause.heading or clause.get_section_display()}


def _short(text, length=70):
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _authors(agreement):
    """Everyone who wrote any of the text so far: its header, provinces, legal bases or clauses."""
    found = {agreement.created_by_id}
    for history in (Agreement.history.filter(id=agreement.pk), LegalBasis.history.filter(agreement_id=agreement.pk),
                    Clause.history.filter(agreement_id=agreement.pk),
                    AgreementProvince.history.filter(agreement_id=agreement.pk)):
        found |= set(history.exclude(history_user=None).values_list("history_user_id", flat=True).distinct())
    return found


def current_version(agreement):
    return agreement.versions.order_by("-number").first()


# --- who acts for an addressee ---------------------------------------------------------------------

def acts_for(user, request):
    """A reviewer of the department asked, or a member of the receiving party when it is asked."""
    if not permissions.may_record_opinion(user):
        return False
    if request.to_partner:
        return getattr(getattr(user, "membership", None), "partner_id", None) == request.agreement.partner_id
    return getattr(getattr(user, "staff_profile", None), "department_id", None) == request.department_id


def people_acting_for(request):
    """Those told when their department or unit is asked, reminded, or the minutes move on."""
    User = get_user_model()
    if request.to_partner:
        people = User.objects.filter(membership__partner_id=request.agreement.partner_id, is_active=True)
    else:
        people = User.objects.filter(staff_profile__department_id=request.department_id, is_active=True)
    # Who may record opinions, asked of the database once rather than once per person (has_grant's rule:
    # the roles' permissions or the user's own, never the superuser flag).
    grant = Permission.objects.get(content_type__app_label="agreements", codename="record_opinion")
    return list(people.filter(Q(groups__permissions=grant) | Q(user_permissions=grant)).distinct().order_by("pk"))


# --- opinions --------------------------------------------------------------------------------------

@transaction.atomic
def opinion_record(*, request, by, letter_number, letter_date, signatory, signatory_title, position, letter,
                   general_comment="", comments=(), correction_reason=""):
    """Record an addressee's opinion on the version it was sent, with its scanned letter. `comments`
    are (anchor key, text) pairs on that version. A second opinion on the same version corrects the
    first: it needs a reason, and both stay."""
    require(permissions.may_record_opinion(by), _("Your roles do not allow recording opinions."))
    require(ReviewRequest.objects.visible_to(by).filter(pk=request.pk).exists(),
            _("These minutes are not open to you."))
    agreement = Agreement.objects.select_for_update().select_related("partner").get(pk=request.agreement_id)
    request = ReviewRequest.objects.select_related("department", "version").get(pk=request.pk)
    request.agreement = agreement
    require(acts_for(by, request), _("Only someone acting for %(who)s records its opinion.") % {
        "who": request.addressee})
    version = request.version
    problems = []
    if agreement.status != S.REVIEW or version is None:
        problems.append(_("These minutes are not in review: an opinion is given only on a version sent for review."))
    elif version.pk != current_version(agreement).pk:
        problems.append(_("%(who)s was not sent the current version.") % {"who": request.addressee})
    if not (letter_number or "").strip() or not letter_date:
        problems.append(_("Give the number and date of the opinion's letter."))
    if not (signatory or "").strip() or not (signatory_title or "").strip():
        problems.append(_("Name who signed the letter, with their title."))
    if position not in Opinion.Position.values:
        problems.append(_("Choose the position: agree, agree with comments, or disagree."))
    comments = [(anchor or "", text.strip()) for anchor, text in comments if text and text.strip()]
    anchors = dict(version.anchors()) if version else {}
    if any(anchor and anchor not in anchors for anchor, _text in comments):
        problems.append(_("A comment points to a clause or legal basis that is not in this version."))
    said = ([("", general_comment.strip())] if general_comment.strip() else []) + comments  # in the letter's order
    if position in (Opinion.Position.AGREE_WITH_COMMENTS, Opinion.Position.DISAGREE) and not said:
        problems.append(_("Write the comments: an opinion that does not simply agree says what and why."))
    if letter_date and letter_date > timezone.localdate():
        problems.append(_("The letter cannot be dated in the future."))
    if letter is None:
        problems.append(_("Attach the scanned letter."))
    else:
        try:
            kind = validate_upload(letter)
        except ValidationError as error:
            problems.extend(error.messages)
    earlier = (Opinion.objects.filter(request=request, version=version, superseded_by__isnull=True)  # under the lock
               .first() if version else None)
    if earlier is not None and not correction_reason.strip():
        problems.append(_("%(who)s already gave its opinion on %(version)s: say why this one corrects it.") % {
            "who": request.addressee, "version": version.label})
    if problems:
        raise Refused(problems)
    opinion = Opinion(request=request, version=version, letter_number=letter_number.strip(), letter_date=letter_date,
                      signatory=signatory.strip(), signatory_title=signatory_title.strip(), position=position,
                      letter_name=named_as_detected(letter.name, kind[1]), letter_type=kind[0],
                      letter_sha256=sha256_of(letter),
                      supersedes=earlier, correction_reason=correction_reason.strip() if earlier else "",
                      recorded_by=by)
    opinion.letter.save(f"letter{kind[1]}", letter, save=False)  # a name we chose, the extension of what it is
    try:
        reason = (_("Opinion corrected: %(why)s") % {"why": correction_reason.strip()} if earlier
                  else _("Opinion recorded"))
        tracked_save(opinion, by=by, reason=reason)
        for number, (anchor, text) in enumerate(said, start=1):
            tracked_save(Comment(opinion=opinion, position=number, anchor=anchor, anchor_label=anchors.get(anchor, ""),
                                 text=text), by=by, reason=reason)
    except Exception:
        opinion.letter.delete(save=False)  # nothing of a failed recording stays on disk
        raise
    notify.opinion_received(opinion, agreement=agreement)
    return opinion


@transaction.atomic
def comment_answer(*, comment, by, kind, text):
    """The drafter's answer to one comment: taken in (where the text changed) or explained (why not)."""
    require(permissions.can_draft(by), _("Only a drafter answers the comments."))
    comment = Comment.objects.select_related("opinion__request").get(pk=comment.pk)
    require(Agreement.objects.visible_to(by).filter(pk=comment.opinion.request.agreement_id).exists(),
            _("These minutes are not open to you."))
    agreement = Agreement.objects.select_for_update().get(pk=comment.opinion.request.agreement_id)
    problems = []
    if agreement.status not in (S.DRAFT, S.REVIEW):
        problems.append(_("The minutes are %(status)s: their comments can no longer be answered.") % {
            "status": agreement.get_status_display().lower()})
    if kind not in Answer.Kind.values:
        problems.append(_("Say whether the comment is taken in or explained."))
    if not text.strip():
        problems.append(_("Say where the text changed, or why the comment is not taken in."))
    if problems:
        raise Refused(problems)
    answer = Answer.objects.select_for_update().filter(comment=comment).first() or Answer(comment=comment)
    if answer.pk and answer.kind == kind and answer.text == text.strip():
        return answer
    answer.kind, answer.text, answer.by = kind, text.strip(), by
    return tracked_save(answer, by=by, reason=_("Answer changed") if answer.pk else _("Comment answered"))
