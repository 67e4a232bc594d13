"""The hand-back obligations of terminated minutes (issue 13, item 4): opened by agreement_terminate, recorded by
the receiving party with evidence, confirmed (or returned with reasons) by the Ministry. Each step is in the
history and told to the other side. Each service locks the obligation's row, so of two people acting at once the
second finds the first one's answer."""

import functools
import re
import unicodedata

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements import notify, permissions
from agreements.models import Agreement, Clause, HandbackEvidence, HandbackObligation
from core.exceptions import NotPermitted, Refused
from core.tracking import as_stored, tracked_save
from core.uploads import check_partner_quota, checked_kinds, store_private_files
from partners.models import Partner

K = HandbackObligation.Kind
St = HandbackObligation.Status

# Which obligation a clause names, by its Vietnamese words: each kind with the word groups of which one
# paragraph must hold every word (the library's termination clause, agreements.library_clauses, names all five:
# "bàn giao lại đầy đủ dữ liệu, hệ thống, tài khoản quản trị …", "xóa toàn bộ dữ liệu cá nhân …", "biên bản
# xác nhận xóa dữ liệu"). Read in lower case, "xoá" written either way.
KEYWORDS = {
    K.DATA: [("bàn giao", "dữ liệu")],
    K.SYSTEMS: [("bàn giao", "hệ thống")],
    K.ACCOUNTS: [("tài khoản",)],
    K.PERSONAL_DATA_DELETED: [("xóa", "dữ liệu cá nhân"), ("hủy", "dữ liệu cá nhân")],
    K.DELETION_CERTIFICATE: [("biên bản xác nhận xóa",), ("chứng nhận xóa",), ("xác nhận việc xóa",)],
}
# The sections read, in this order: the termination clause first (it is about the end), then the security and
# personal-data clause; the abandonment clause too when the receiving party abandoned the work.
SECTIONS = (Clause.Section.TERMINATION, Clause.Section.SECURITY)


def _plain(text):
    text = unicodedata.normalize("NFC", text or "").lower().replace("xoá", "xóa").replace("huỷ", "hủy")
    return re.sub(r"\s+", " ", text)


def named_kinds(clause):
    """The kinds of obligation the clause's text names, by KEYWORDS, in Kind order."""
    paragraphs = [_plain(p) for p in (clause.text or "").splitlines() if p.strip()]
    return [kind for kind in K if any(all(word in p for word in group) for group in KEYWORDS[kind]
                                      for p in paragraphs)]


def obligations_named(agreement):
    """[(kind, clause or None)]: the obligations the agreement's clauses name, each citing the first clause that
    names it. Clauses that name none open the full set citing no clause; personal data is deleted in any case,
    since the law requires a processor to delete it when the work ends (Decree 13/2023/NĐ-CP, Law 91/2025/QH15 on
    Personal Data Protection from 01/01/2026), so it is opened citing no clause when no clause names it."""
    sections = list(SECTIONS)
    if agreement.termination_reason == Agreement.TerminationReason.ABANDONED:
        sections.append(Clause.Section.ABANDONMENT)
    clauses = sorted(agreement.clauses.filter(section__in=sections),
                     key=lambda c: (sections.index(c.section), c.position, c.pk))
    cited = {}
    for clause in clauses:
        for kind in named_kinds(clause):
            cited.setdefault(kind, clause)
    if not cited:
        return [(kind, None) for kind in K]
    cited.setdefault(K.PERSONAL_DATA_DELETED, None)
    return [(kind, cited[kind]) for kind in K if kind in cited]


def handback_open(*, agreement, by):
    """Open the hand-back obligations of minutes being terminated, due from the termination date; called by
    agreement_terminate, in its transaction, with the agreement locked."""
    why = _("Opened at termination")
    return [tracked_save(HandbackObligation(agreement=agreement, kind=kind, clause=clause,
                                            due_on=HandbackObligation.due_for(kind, agreement.terminated_on)),
                         by=by, reason=why)
            for kind, clause in obligations_named(agreement)]


def _lock(obligation):
    obligation = (HandbackObligation.objects.select_for_update(of=("self",))
                  .select_related("agreement__partner", "clause").get(pk=obligation.pk))
    return obligation


@transaction.atomic
def handback_record(*, obligation, by, notes, uploads):
    """The receiving party records that it did what the obligation asks, with what shows it."""
    agreement = obligation.agreement
    if not permissions.can_record_handback(by, agreement):
        raise NotPermitted(_("Only a member of the receiving party records what it handed back."))
    if not Agreement.objects.visible_to(by).filter(pk=agreement.pk).exists():
        raise NotPermitted(_("These minutes are not open to you."))
    obligation = _lock(obligation)
    problems = []
    if obligation.status not in HandbackObligation.RECORDABLE:
        problems.append(_("This obligation is %(status)s: there is nothing to record.") % {
            "status": obligation.get_status_display().lower()})
    if not (notes or "").strip():
        problems.append(_("Say what was done, when and with whom."))
    uploads = list(uploads or [])
    if not uploads:
        problems.append(_("Attach at least one document that shows it."))
    kinds = checked_kinds(uploads, problems)
    if (obligation.kind == K.DELETION_CERTIFICATE and uploads and len(kinds) == len(uploads)
            and not any(content_type == "application/pdf" for content_type, _ext in kinds)):
        problems.append(_("The deletion certificate is a document: attach it as a PDF."))
    if problems:
        raise Refused(problems)
    Partner.objects.select_for_update().get(pk=obligation.agreement.partner_id)  # two submissions share no space
    check_partner_quota(obligation.agreement.partner_id, sum(upload.size for upload in uploads))
    obligation.status = St.RECORDED
    obligation.recorded_by, obligation.recorded_at = by, timezone.now()
    obligation.record_notes = as_stored(notes).strip()
    why = _("Recorded by the receiving party: %(kind)s") % {"kind": obligation.get_kind_display()}
    tracked_save(obligation, by=by, reason=why)
    store_private_files(uploads, kinds, make=functools.partial(HandbackEvidence, obligation=obligation), by=by,
                        reason=why)
    notify.handback_recorded(obligation)
    return obligation


def _decide(obligation, by, *, to, notes, why):
    if not permissions.can_confirm_handback(by):
        raise NotPermitted(_("Only the Ministry's staff who may terminate agreements confirm what was handed back."))
    obligation = _lock(obligation)
    if obligation.status != St.RECORDED:
        raise Refused(_("Only what the receiving party recorded is confirmed or returned; this obligation is "
                        "%(status)s.") % {"status": obligation.get_status_display().lower()})
    obligation.status = to
    obligation.confirmed_by, obligation.confirmed_at = by, timezone.now()
    obligation.confirmation_notes = as_stored(notes or "").strip()
    tracked_save(obligation, by=by, reason=f"{why}. {obligation.confirmation_notes}".strip(" ."))
    return obligation


@transaction.atomic
def handback_confirm(*, obligation, by, notes=""):
    """The Ministry confirms what the receiving party recorded."""
    obligation = _decide(obligation, by, to=St.CONFIRMED, notes=notes, why=_("Confirmed by the Ministry"))
    notify.handback_decided(obligation)
    return obligation


@transaction.atomic
def handback_return(*, obligation, by, reason):
    """The Ministry sends a record back, with the reasons the receiving party reads; it records again."""
    if not (reason or "").strip():
        if not permissions.can_confirm_handback(by):
            raise NotPermitted(_("Only the Ministry's staff who may terminate agreements confirm what was handed "
                                 "back."))
        raise Refused(_("Give the reasons the receiving party will read."))
    obligation = _decide(obligation, by, to=St.RETURNED, notes=reason, why=_("Returned by the Ministry"))
    notify.handback_decided(obligation)
    return obligation
