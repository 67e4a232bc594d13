import datetime

from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from agreements.models import Agreement
from core import roles
from partners.models import Partner


def dashboard(request):
    """What waits for me, by role. Each block is one query, whatever the data size."""
    user = request.user
    names = roles.role_names(user)
    visible = Agreement.objects.visible_to(user).select_related("partner", "handing_department")
    today = timezone.localdate()
    blocks = []
    if roles.DRAFTER in names:
        blocks.append(("drafts", list(visible.filter(status="draft").order_by("-updated_at")[:10])))
    if roles.SIGNER in names or roles.DRAFTER in names:
        blocks.append(("in_review", list(visible.filter(status="review").order_by("updated_at")[:10])))
    department = getattr(getattr(user, "staff_profile", None), "department", None)
    if roles.REVIEWER in names and department:
        blocks.append(("asked_of_me", list(visible.awaiting_opinion_from(department).order_by("updated_at")[:10])))
    if roles.DRAFTER in names or roles.AUDITOR in names or roles.SIGNER in names:
        blocks.append(("ending_soon", list(
            visible.filter(status="signed", term_end__lte=today + datetime.timedelta(days=90))
            .order_by("term_end")[:10])))
    if roles.PARTNER in names or not names & {roles.DRAFTER, roles.SIGNER, roles.REVIEWER}:
        blocks.append(("mine", list(visible.order_by("-updated_at")[:10])))
    partner = Partner.objects.visible_to(user).first() if roles.PARTNER in names else None
    counts = {}
    if user.has_perm("agreements.view_agreement"):
        found = dict(Agreement.objects.order_by().values_list("status").annotate(n=Count("pk")))
        counts = {label: found.get(value, 0) for value, label in Agreement.Status.choices}
    return render(request, "core/dashboard.html", {
        "blocks": blocks, "own_partner": partner, "department": department, "counts": counts,
    })
