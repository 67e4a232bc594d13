"""What the minutes say, as plain values: printed by minutes_pdf, frozen in each version sent for
review, and fingerprinted. No WeasyPrint here, so sending a round does not load it."""

import hashlib
import json
import re

from django.utils import timezone

from core.dates import long_date, place_and_date

NBSP = "\u00a0"
CAN_CU = re.compile(r"^căn cứ\s+", re.IGNORECASE)  # a drafter who typed the prefix gets it once


def minutes_context(agreement, *, draft):
    """Everything the minutes print, as plain values (also what the fingerprint covers)."""
    bases = list(agreement.legal_bases.select_related("authority_document").order_by("position", "pk"))
    clauses = list(agreement.clauses.order_by("position", "pk"))
    provinces = list(agreement.provinces.order_by("name"))
    requests = list(agreement.review_requests.select_related("department").order_by("department__name"))
    symbol = agreement.symbol or "BB-" + (agreement.handing_department.code or "CNTT")
    day = agreement.signed_on
    authority = next((b.authority_document.citation() for b in bases if b.authority_document_id), "")
    lines = [f"Căn cứ {CAN_CU.sub('', b.citation.strip()).rstrip(';.')}" for b in bases]
    lines = [f"{line};" for line in lines[:-1]] + [f"{line}." for line in lines[-1:]]
    return {
        "title": f"Biên bản {agreement.number_and_symbol or 'dự thảo'}",
        "draft": draft,
        "issuing_body": agreement.handing_department.name,
        "number_line": agreement.number_and_symbol if (agreement.number and not draft) else f"{NBSP * 8}/{symbol}",
        "place_date": place_and_date(agreement.place, day) if day and not draft
        else f"{agreement.place}, ngày{NBSP * 6}tháng{NBSP * 6}năm {timezone.localdate().year}",
        "subject": agreement.title,
        "legal_bases": lines,
        "today_line": (f"Hôm nay, ngày {long_date(day)}, tại {agreement.place}, chúng tôi gồm:" if day and not draft
                       else f"Hôm nay, ngày{NBSP * 6}tháng{NBSP * 6}năm{NBSP * 8}, tại {agreement.place}, "
                            "chúng tôi gồm:"),
        "handing_department": agreement.handing_department.name,
        "handing_representative": agreement.handing_representative,
        "handing_title": agreement.handing_title,
        "partner": {"legal_name": agreement.partner.legal_name, "address": agreement.partner.address,
                    "tax_code": agreement.partner.tax_code},
        "receiving_representative": agreement.receiving_representative,
        "receiving_title": agreement.receiving_title,
        "authority": authority,
        "software": agreement.software_name,
        "version": agreement.software_version,
        "provinces": ", ".join(_province_name(p) for p in provinces) or "…",
        "term_start": agreement.term_start.strftime("%d/%m/%Y") if agreement.term_start else "…",
        "term_end": agreement.term_end.strftime("%d/%m/%Y") if agreement.term_end else "…",
        "articles": [
            {"number": number, "heading": c.heading or c.get_section_display(),
             "paragraphs": [p.strip() for p in c.text.splitlines() if p.strip()]}
            for number, c in enumerate(clauses, start=2)
        ],
        "handing_sign_title": agreement.handing_signatory_title or agreement.handing_title,
        "handing_sign_name": agreement.handing_signatory or agreement.handing_representative,
        "receiving_sign_title": agreement.receiving_signatory_title or agreement.receiving_title,
        "receiving_sign_name": agreement.receiving_signatory or agreement.receiving_representative,
        "recipients": [f"- {agreement.partner.legal_name};", "- Lãnh đạo Bộ Y tế (để báo cáo);"]
        + [f"- {r.department.name};" for r in requests if r.department_id]
        + [f"- Lưu: VT, {agreement.handing_department.code}."],
    }


def _province_name(province):
    kind = province.kind.replace(" trực thuộc trung ương", "")
    return f"{kind} {province.name}"


def content_fingerprint(context):
    """SHA-256 of what the minutes say, independent of how the PDF bytes come out."""
    text = json.dumps({k: v for k, v in context.items() if k not in {"draft", "title"}}, ensure_ascii=False,
                      sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
