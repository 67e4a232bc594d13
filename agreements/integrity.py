"""The signed copies against the audit record: the bytes against their recorded SHA-256, and both against
the audit entry written when the copy was made. The public verification page and verify_audit ask here."""

import hashlib

from core import audit


def signed_copy_problem(copy):
    """What is wrong with one signed copy, or None when its bytes, its hash, the rest of its row (names
    as signed, fingerprint, code) and its agreement's row agree with the audit record. The minutes of
    termination (agreements.models.TerminationMinutes), frozen the same way, are checked the same way."""
    if hashlib.sha256(bytes(copy.data)).hexdigest() != copy.sha256:
        return "its bytes do not match its recorded SHA-256"
    entry = audit.change_entry(copy._meta.label_lower, copy.pk)
    problem = audit.entry_problem(entry)
    if problem:
        return problem
    kept = entry.payload.get("row", {})
    if kept.get("sha256") != copy.sha256 or kept.get("data") != audit.plain(bytes(copy.data)):
        return "its file or hash differs from the ones the audit record kept at signing"
    # Its names as signed, its fingerprint and code too; and the agreement's state, which /verify/ tells.
    return audit.live_row_problem(copy) or audit.live_row_problem(copy.agreement)


def signed_copy_problems():
    """verify_audit's check of every signed copy."""
    from agreements.models import SignedCopy
    from core.audit_check import Problem

    for copy in SignedCopy.objects.select_related("agreement").order_by("pk").iterator(chunk_size=50):
        problem = signed_copy_problem(copy)
        if problem:
            agreement = copy.agreement
            yield Problem(f"signed copy {copy.pk} of agreement {agreement.pk} ({agreement.number_and_symbol or '—'}, "
                          f"signed {agreement.signed_on:%d/%m/%Y})", problem)


termination_minutes_problem = signed_copy_problem


def termination_minutes_problems():
    """verify_audit's check of every minutes of termination."""
    from agreements.models import TerminationMinutes
    from core.audit_check import Problem

    for minutes in TerminationMinutes.objects.select_related("agreement").order_by("pk").iterator(chunk_size=50):
        problem = termination_minutes_problem(minutes)
        if problem:
            yield Problem(f"minutes of termination {minutes.pk} ({minutes.number_and_symbol}/{minutes.number_year}) "
                          f"of agreement {minutes.agreement_id}", problem)
