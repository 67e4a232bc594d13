"""The consolidation table ("Bảng tổng hợp, tiếp thu, giải trình ý kiến", DOMAIN.md, Review): every
comment of every opinion still standing, with the drafter's answer, as plain rows; and the same rows
printed as a PDF in the layout of Decree 30/2020/NĐ-CP. No HTTP here, and WeasyPrint loads only
when a PDF is rendered."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agreements import pdf_cache
from agreements.models import Answer, Clause, Comment, Opinion
from core.dates import place_and_date

# The table is drawn up by the handing department at the Ministry's seat, wherever the minutes are signed.
PLACE = "Hà Nội"

# The PDF is an administrative document and always Vietnamese, whatever language the page is read in.
POSITIONS_VI = {
    Opinion.Position.AGREE: "Nhất trí",
    Opinion.Position.AGREE_WITH_COMMENTS: "Nhất trí, có góp ý",
    Opinion.Position.DISAGREE: "Không nhất trí",
}
ANSWERS_VI = {Answer.Kind.TAKEN_IN: "Tiếp thu", Answer.Kind.EXPLAINED: "Giải trình (không tiếp thu)"}
NOT_ANSWERED_VI = "Chưa tiếp thu, giải trình"
GENERAL_VI = "Góp ý chung"


@dataclass(frozen=True)
class Row:
    """One line of the table: a comment and its answer, or an opinion that agrees with no comment
    (comment_id None), so every addressee that answered appears."""

    number: int  # STT
    version: str  # "v1"
    opinion_id: int
    comment_id: int | None
    who: str  # the department's name, or the receiving party's legal name
    letter: str  # "Công văn số 832/KHĐT-VP ngày 29/08/2019"
    letter_number: str  # "832/KHĐT-VP", for the PDF to keep on one line
    letter_date: str  # "29/08/2019"
    position: str  # an Opinion.Position value
    position_label: str
    on: str  # what the comment is on, as frozen with it, or "General comment"
    on_vi: str  # the same, in Vietnamese for the PDF
    text: str
    answer_kind: str  # an Answer.Kind value; "" when not answered (or nothing to answer)
    answer_label: str
    answer_text: str
    answered_by: str
    span: int  # on the first row of an opinion: how many rows it has; 0 on the others

    @property
    def position_vi(self):
        return POSITIONS_VI.get(self.position, self.position)

    @property
    def answer_vi(self):
        if self.comment_id is None:
            return ""
        return ANSWERS_VI.get(self.answer_kind, NOT_ANSWERED_VI)

    @property
    def needs_answer(self):
        return self.comment_id is not None and not self.answer_kind


def rows(agreement):
    """Every comment of every opinion not corrected by a later one, across all versions: by version,
    then addressee (departments by name, the receiving party last), then comment. Two queries,
    however many opinions and comments; load the agreement with its partner."""
    opinions = (Opinion.objects.filter(request__agreement=agreement, superseded_by__isnull=True)
                .select_related("request__department", "version")
                .prefetch_related(Prefetch("comments", queryset=Comment.objects.select_related("answer__by")
                                           .order_by("position", "pk")))
                .order_by("version__number", "request__to_partner", "request__department__name", "request_id",
                          "pk"))
    found = []
    for opinion in opinions:
        comments = list(opinion.comments.all()) or [None]
        for index, comment in enumerate(comments):
            found.append(_row(len(found) + 1, agreement, opinion, comment, span=len(comments) if index == 0 else 0))
    return found


def _row(number, agreement, opinion, comment, *, span):
    request = opinion.request
    letter_date = opinion.letter_date.strftime("%d/%m/%Y")
    answer = getattr(comment, "answer", None) if comment is not None else None  # none answered: DoesNotExist
    if comment is None:
        on = on_vi = ""
        text = _("Agrees, with no comment.")
        answer_label = ""
    else:
        on = comment.anchor_label if comment.anchor else _("General comment")
        on_vi = _anchor_vi(opinion.version.content, comment.anchor, comment.anchor_label)
        text = comment.text
        answer_label = answer.get_kind_display() if answer else _("Not answered yet")
    return Row(
        number=number, version=opinion.version.label, opinion_id=opinion.pk,
        comment_id=comment.pk if comment is not None else None,
        who=request.department.name if request.department_id else agreement.partner.legal_name,
        letter=f"Công văn số {opinion.letter_number} ngày {letter_date}", letter_number=opinion.letter_number,
        letter_date=letter_date,
        position=opinion.position, position_label=opinion.get_position_display(), on=on, on_vi=on_vi, text=text,
        answer_kind=answer.kind if answer else "", answer_label=answer_label, answer_text=answer.text if answer else "",
        answered_by=(answer.by.get_full_name() or answer.by.username) if answer else "", span=span)


def _anchor_vi(content, anchor, frozen_label):
    """What a comment is on, in Vietnamese: its frozen label is in the language of whoever recorded it,
    so the PDF rebuilds it from the version's own text, numbered as the minutes number it."""
    if not anchor:
        return GENERAL_VI
    for number, item in enumerate(content.get("bases", []), start=1):
        if item.get("key") == anchor:
            return f"Căn cứ pháp lý {number}: {_short(item.get('text', ''))}"
    for number, item in enumerate(content.get("clauses", []), start=2):  # Article 1 is the scope
        if item.get("key") == anchor:
            return f"Điều {number}. {item.get('heading') or _section_vi(item.get('section', ''))}"
    return frozen_label


def _section_vi(section):
    with translation.override("vi"):
        return str(Clause.Section(section).label) if section in Clause.Section.values else section


def _short(text, length=70):
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def pdf_context(agreement, rows, *, today):
    """Everything the PDF prints, as plain values; user text is escaped by the template."""
    return {
        "title": "Bảng tổng hợp, tiếp thu, giải trình ý kiến",
        "issuing_body": agreement.handing_department.name,
        "place_date": place_and_date(PLACE, today),
        "software": agreement.software_name,
        "partner_name": agreement.partner.legal_name,
        "rows": rows,
        "sign_title": agreement.handing_title,
        "sign_name": agreement.handing_representative,
    }


def render_pdf(agreement, rows, *, by=None):
    """The PDF bytes of the table, dated today, rendered against our own assets only (for `by`, unless the same
    table's PDF is kept: agreements.pdf_cache)."""
    context = pdf_context(agreement, rows, today=timezone.localdate())
    return pdf_cache.pdf_of(render_to_string("agreements/pdf/consolidation.html", context), by=by)
