"""What a browser would post on the agreement edit page."""


def management(prefix, total=0, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def clause_rows(agreement, *, new_text=None, prefix="clauses"):
    """The clause formset as the page shows it, with one clause more when `new_text` is given."""
    clauses = list(agreement.clauses.order_by("position", "pk"))
    data = {}
    for i, clause in enumerate(clauses):
        data.update({f"{prefix}-{i}-id": str(clause.pk), f"{prefix}-{i}-position": str(clause.position),
                     f"{prefix}-{i}-section": clause.section, f"{prefix}-{i}-heading": clause.heading,
                     f"{prefix}-{i}-text": clause.text})
    total = len(clauses)
    if new_text is not None:
        data.update({f"{prefix}-{total}-position": "99", f"{prefix}-{total}-section": "effect",
                     f"{prefix}-{total}-heading": "Hiệu lực bổ sung", f"{prefix}-{total}-text": new_text})
        total += 1
    data.update(management(prefix, total=total, initial=len(clauses)))
    return data


def edit_page(agreement, **changes):
    """The whole edit page of a draft with no legal bases or departments yet, header as it stands."""
    data = {
        "title": agreement.title, "handing_department": str(agreement.handing_department_id),
        "handing_representative": agreement.handing_representative, "handing_title": agreement.handing_title,
        "receiving_representative": agreement.receiving_representative,
        "receiving_title": agreement.receiving_title, "software_name": agreement.software_name,
        "software_version": agreement.software_version,
        "term_start": agreement.term_start.strftime("%d/%m/%Y") if agreement.term_start else "",
        "term_end": agreement.term_end.strftime("%d/%m/%Y") if agreement.term_end else "",
        "condition_set": "", "place": agreement.place,
        "provinces": [str(pk) for pk in agreement.provinces.values_list("pk", flat=True)],
    }
    data.update(management("bases"))
    data.update(clause_rows(agreement))
    data.update(management("reviews"))
    data.update(changes)
    return data
