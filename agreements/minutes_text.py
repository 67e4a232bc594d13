"""What the minutes say, as plain values: printed by minutes_pdf, frozen in each version sent for
review, and fingerprinted. No WeasyPrint here, so sending a round does not load it."""

import hashlib
import json
import re

from django.utils import timezone

from agreements import placeholders
from agreements.models.agreement import MINISTRY_SIGNS, behalf_words, sign_lines
from core.dates import long_date, place_and_date

NBSP = "\u00a0"
LONGEST_GROUP = 40  # characters: about half a line of the 14 pt bold subject
LINKING_WORDS = {"để", "của", "về", "với", "cho", "tại", "theo", "và", "trên", "giữa", "đối"}
CAN_CU = re.compile(r"^căn cứ\s+", re.IGNORECASE)  # a drafter who typed the prefix gets it once


def minutes_context(agreement, *, draft):
    """Everything the minutes print, as plain values (also what the fingerprint covers). The law cited
    is the law in force on the signing day (the planned day while the minutes are a draft)."""
    bases = list(agreement.legal_bases.select_related("authority_document").order_by("position", "pk"))
    clauses = list(agreement.clauses.order_by("position", "pk"))
    provinces = list(agreement.provinces.order_by("name"))
    requests = list(agreement.review_requests.select_related("department").order_by("department__name"))
    symbol = agreement.symbol or "BB-" + (agreement.handing_department.code or "CNTT")
    day = agreement.signed_on
    law_day = agreement.law_day()
    printed = placeholders.printer(agreement, provinces)
    authority = _signing_authority(bases)
    lines = [f"Căn cứ {CAN_CU.sub('', b.citation.strip()).rstrip(';.')}" for b in bases]
    lines = [f"{line};" for line in lines[:-1]] + [f"{line}." for line in lines[-1:]]
    signed = bool(day) and not draft
    handing, receiving = (_party(agreement, side, signed) for side in ("handing", "receiving"))
    return {
        "title": f"Biên bản {agreement.number_and_symbol or 'dự thảo'}",
        "draft": draft,
        "issuing_body": agreement.handing_department.name,
        "number_line": agreement.number_and_symbol if (agreement.number and not draft) else f"{NBSP * 8}/{symbol}",
        "place_date": place_and_date(agreement.place, day) if signed
        else f"{agreement.place}, ngày{NBSP * 6}tháng{NBSP * 6}năm {law_day.year}",
        "subject": agreement.title,
        "subject_groups": word_groups(agreement.title),
        "legal_bases": lines,
        "today_line": (f"Hôm nay, ngày {long_date(day)}, tại {agreement.place}, chúng tôi gồm:" if signed
                       else f"Hôm nay, ngày{NBSP * 6}tháng{NBSP * 6}năm{NBSP * 8}, tại {agreement.place}, "
                            "chúng tôi gồm:"),
        "handing_department": agreement.handing_department.name,
        "handing": handing,
        "partner": {"legal_name": agreement.partner.legal_name, "address": agreement.partner.address,
                    "tax_code": agreement.partner.tax_code},
        "receiving": receiving,
        "authority": authority,
        "software": agreement.software_name,
        "version": agreement.software_version,
        "provinces": ", ".join(_province_name(p) for p in provinces) or "…",
        "term_start": agreement.term_start.strftime("%d/%m/%Y") if agreement.term_start else "…",
        "term_end": agreement.term_end.strftime("%d/%m/%Y") if agreement.term_end else "…",
        "conditions": _conditions_line(agreement, law_day),
        "articles": [
            {"number": number, "heading": c.heading or c.get_section_display(),
             "paragraphs": [p.strip() for p in printed(c.text).splitlines() if p.strip()]}
            for number, c in enumerate(clauses, start=2)
        ],
        "recipients": [f"- {agreement.partner.legal_name};", "- Lãnh đạo Bộ Y tế (để báo cáo);"]
        + [f"- {r.department.name};" for r in requests if r.department_id]
        + [f"- Sở Y tế {_province_name(p)};" for p in provinces]
        + [f"- Lưu: VT, {agreement.handing_department.code}."],
    }


def _party(agreement, side, signed):
    """One side's person: in the body, the person who signs (once signed) and on whose behalf; above the
    signature, the position lines of the form of signing on behalf (Decree 30/2020/NĐ-CP)."""
    get = lambda name: getattr(agreement, f"{side}_{name}")  # noqa: E731
    if signed:
        name, honorific, title = get("signatory"), get("signatory_honorific"), get("signatory_title")
        form, signed_for, head = get("sign_form"), get("signed_for"), get("signed_for_head")
    else:
        name, honorific, title = get("representative"), get("honorific"), get("title")
        # Until it is signed, the Department is shown signing for the Ministry by order of the Minister.
        form, signed_for, head = (*MINISTRY_SIGNS, "") if side == "handing" else ("", "", "")
    return {"name": name, "honorific": honorific, "title": title,
            "behalf": behalf_words(form, signed_for, head),
            "sign_lines": sign_lines(form, signed_for, head, title)}


# Which of the receiving party's instruments the body names as its representative's authority to sign:
# an authorisation first, then the unit's own charter or decisions; a registration certificate never.
AUTHORITY_ORDER = ("parent_authorisation", "power_of_attorney", "charter", "decision", "establishment")


def _signing_authority(bases):
    documents = {b.authority_document.kind: b.authority_document for b in reversed(bases) if b.authority_document_id}
    return next((documents[kind].citation() for kind in AUTHORITY_ORDER if kind in documents), "")


def _conditions_line(agreement, day):
    """The conditions applied, by version and issuing decision; once the partner meets them (judged on the
    signing day, or today for a draft), since when the evidence that counts is valid."""
    condition_set = agreement.condition_set
    if condition_set is None:
        return ""
    from conditions import eligibility

    verdict = eligibility.verdict(agreement.partner, condition_set, min(day, timezone.localdate()))
    if not verdict.eligible:
        return f"Bên nhận phải đáp ứng đầy đủ {condition_set.citation()} tại ngày ký Biên bản."
    since = max((s.valid.valid_from or s.valid.decided_at.date() for s in verdict.standings
                 if s.condition.mandatory and s.valid is not None), default=None)
    if since is None:
        return f"Bên nhận đáp ứng đầy đủ {condition_set.citation()}."
    return (f"Bên nhận đáp ứng đầy đủ {condition_set.citation()}, theo kết quả thẩm định hồ sơ có hiệu lực từ ngày "
            f"{since.strftime('%d/%m/%Y')}.")


def word_groups(text):
    """The subject cut where a line may break: before a linking word or a name in capitals, never
    inside a name or a word such as "sức khỏe" (each group's spaces are non-breaking). A linking word
    stays with the name after it; a group too long for one line keeps its ordinary spaces."""
    groups, current = [], []
    for word in text.split():
        # The group's leading word, past a linking word; the subject's first word is capitalised as a sentence.
        lead = next((w for w in current if w.lower() not in LINKING_WORDS), None)
        in_name = lead is not None and lead[:1].isupper() and not (groups == [] and current[0] == lead)
        starts_group = lead is not None and (
            word.lower() in LINKING_WORDS or (word[:1].isupper() and not in_name))
        if starts_group:
            groups.append(current)
            current = []
        current.append(word)
    if current:
        groups.append(current)
    return [(NBSP if len(" ".join(g)) <= LONGEST_GROUP else " ").join(g) for g in groups]


def _province_name(province):
    kind = province.kind.replace(" trực thuộc trung ương", "")
    return f"{kind} {province.name}"


def content_fingerprint(context):
    """SHA-256 of what the minutes say, independent of how the PDF bytes come out."""
    text = json.dumps({k: v for k, v in context.items() if k not in {"draft", "title"}}, ensure_ascii=False,
                      sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
