"""The consolidation table ("bảng tổng hợp, tiếp thu, giải trình ý kiến"): every comment and the
drafter's answer, as a page and as a PDF. Read by those who read every agreement (Ministry staff and
auditors); an addressee who can see the agreement reads its own opinion, not the others'."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from agreements import consolidation, permissions
from agreements.models import Agreement
from agreements.views.agreement import visible_agreement
from agreements.views.renders import renders_limited
from core.downloads import pdf_download
from core.models import DownloadRecord


def _readable(request, pk):
    """The agreement, to whom may read its table: 404 for those who cannot see it, 403 for an addressee."""
    agreement = visible_agreement(request, pk, Agreement.objects.select_related("partner", "handing_department"))
    if not permissions.can_read_all(request.user):
        raise PermissionDenied
    return agreement


def consolidation_table(request, pk):
    agreement = _readable(request, pk)
    return render(request, "agreements/consolidation.html", {
        "agreement": agreement,
        "rows": consolidation.rows(agreement),
        # As on the opinion page: answers are given while the text may still change.
        "can_answer": permissions.can_draft(request.user) and agreement.status in (Agreement.Status.DRAFT,
                                                                                  Agreement.Status.REVIEW),
    })


@renders_limited
def consolidation_pdf(request, pk):
    agreement = _readable(request, pk)
    data = consolidation.render_pdf(agreement, consolidation.rows(agreement), by=request.user)
    return pdf_download(request, data=data, filename=f"bang-tong-hop-y-kien-{pk}.pdf",
                        what=DownloadRecord.What.CONSOLIDATION_TABLE, object_id=agreement.pk,
                        scope=(agreement.partner_id, agreement.pk))
