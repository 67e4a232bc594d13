"""What a browser posts on a draft's edit page: the header and the three lists of rows (legal bases,
clauses, departments asked), each as the page shows it, so a test changes only what it names."""


def management(prefix, total=0, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def _rows(prefix, items, fields):
    data = {}
    for i, item in enumerate(items):
        data[f"{prefix}-{i}-id"] = str(item.pk)
        for name in fields:
            data[f"{prefix}-{i}-{name}"] = _shown(getattr(item, item._meta.get_field(name).attname))
    data.update(management(prefix, total=len(items), initial=len(items)))
    return data


def _shown(value):
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else str(value)


def legal_basis_rows(agreement):
    return _rows("bases", list(agreement.legal_bases.order_by("position", "pk")),
                 ("position", "kind", "citation", "authority_document"))


def clause_rows(agreement, *, new_text=None):
    """The clauses as the page shows them, with one clause more when `new_text` is given."""
    data = _rows("clauses", list(agreement.clauses.order_by("position", "pk")),
                 ("position", "section", "heading", "text"))
    if new_text is not None:
        total = int(data["clauses-TOTAL_FORMS"])
        data.update({f"clauses-{total}-position": "99", f"clauses-{total}-section": "effect",
                     f"clauses-{total}-heading": "Hiệu lực bổ sung", f"clauses-{total}-text": new_text})
        data["clauses-TOTAL_FORMS"] = str(total + 1)
    return data


def review_request_rows(agreement):
    return _rows("reviews", list(agreement.review_requests.order_by("pk")), ("department", "letter_number", "due_on"))


def edit_page(agreement, **changes):
    """The whole edit page of a draft as it stands, with the header fields in `changes` changed."""
    data = {
        "title": agreement.title, "handing_department": str(agreement.handing_department_id),
        "handing_representative": agreement.handing_representative, "handing_title": agreement.handing_title,
        "receiving_representative": agreement.receiving_representative,
        "receiving_title": agreement.receiving_title, "software_name": agreement.software_name,
        "software_version": agreement.software_version,
        "term_start": agreement.term_start.strftime("%d/%m/%Y") if agreement.term_start else "",
        "term_end": agreement.term_end.strftime("%d/%m/%Y") if agreement.term_end else "",
        "condition_set": str(agreement.condition_set_id or ""), "place": agreement.place,
        "provinces": [str(pk) for pk in agreement.provinces.values_list("pk", flat=True)],
    }
    data.update(legal_basis_rows(agreement))
    data.update(clause_rows(agreement))
    data.update(review_request_rows(agreement))
    data.update(changes)
    return data
