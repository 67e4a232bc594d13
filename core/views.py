import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef
from django.shortcuts import render
from django.utils import timezone

from agreements.models import Agreement, EligibilityFlag
from conditions.models import Evidence, Notice
from core import roles
from core.models import DownloadRecord
from core.paging import paginate
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
    if names & {roles.DRAFTER, roles.SIGNER, roles.AUDITOR, roles.PARTNER}:
        open_flag = EligibilityFlag.objects.filter(agreement=OuterRef("pk"), cleared_on__isnull=True)
        blocks.append(("flagged", list(visible.filter(Exists(open_flag), status=Agreement.Status.SIGNED)
                                       .order_by("term_end")[:10])))
    partner = Partner.objects.visible_to(user).first() if roles.PARTNER in names else None
    notices = list(Notice.objects.filter(evidence__in=Evidence.objects.visible_to(user))
                   .select_related("evidence__condition", "evidence__partner")[:10])
    queue_size = (Evidence.objects.awaiting_assessment().count()
                  if user.has_perm("conditions.assess_evidence") else None)
    counts = {}
    if user.has_perm("agreements.view_agreement"):
        found = dict(Agreement.objects.order_by().values_list("status").annotate(n=Count("pk")))
        counts = {label: found.get(value, 0) for value, label in Agreement.Status.choices}
    return render(request, "core/dashboard.html", {
        "blocks": blocks, "own_partner": partner, "department": department, "counts": counts,
        "notices": notices, "queue_size": queue_size,
    })


def download_list(request):
    """Who downloaded what and when: for auditors and Ministry staff."""
    if not request.user.has_perm("core.view_downloadrecord"):
        raise PermissionDenied
    records = DownloadRecord.objects.select_related("user").order_by("-at", "-pk")
    username = request.GET.get("user", "").strip()
    if username:
        records = records.filter(user__username__icontains=username)
    page, query = paginate(request, records, per_page=50)
    return render(request, "core/download_list.html", {"page": page, "query": query, "username": username})
