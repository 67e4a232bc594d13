"""The versions sent for review: each one's text as it was frozen (page and PDF), and what changed
from one to a later one. Whoever may see the agreement may read every version it was sent as."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from agreements import diff
from agreements.models import Agreement
from agreements.pdf_cache import pdf_of
from agreements.views.agreement import visible_agreement
from agreements.views.renders import renders_limited
from core.downloads import pdf_download
from core.models import DownloadRecord


def version_detail(request, pk, number):
    agreement = visible_agreement(request, pk, Agreement.objects.select_related("partner", "handing_department"))
    version = get_object_or_404(agreement.versions.select_related("sent_by"), number=number)
    others = list(agreement.versions.defer("content").order_by("number"))
    content = version.content
    return render(request, "agreements/version_detail.html", {
        "agreement": agreement,
        "version": version,
        "facts": [(diff.html_id(key), label, value) for key, label, value in diff.header_facts(content["minutes"])],
        "bases": [{**item, "html_id": diff.html_id(item["key"])} for item in content.get("bases", [])],
        "clauses": [{**item, "html_id": diff.html_id(item["key"])} for item in content.get("clauses", [])],
        "earlier": [v for v in others if v.number < number],
        "latest": others[-1],
    })


@renders_limited
def version_pdf(request, pk, number):
    agreement = visible_agreement(request, pk)
    return version_download(request, get_object_or_404(agreement.versions, number=number))


def version_download(request, version):
    """The PDF of a version as it was sent, printed as a draft, its download recorded. The caller's view is
    renders_limited."""
    from agreements import minutes_pdf  # WeasyPrint loads only when a PDF is rendered

    data = pdf_of(minutes_pdf.context_html({**version.content["minutes"], "draft": True}), by=request.user)
    return pdf_download(request, data=data, what=DownloadRecord.What.VERSION_MINUTES, object_id=version.pk,
                        scope=(version.agreement.partner_id, version.agreement_id),
                        filename=f"du-thao-bien-ban-{version.agreement_id}-v{version.number}.pdf")


def version_changes(request, pk, since, to):
    agreement = visible_agreement(request, pk, Agreement.objects.select_related("partner", "handing_department"))
    if since >= to:
        raise Http404
    found = {v.number: v for v in agreement.versions.filter(number__in=[since, to]).select_related("sent_by")}
    if len(found) < 2:
        raise Http404
    old, new = found[since], found[to]
    return render(request, "agreements/version_changes.html", {
        "agreement": agreement, "old": old, "new": new, "groups": diff.changes(old.content, new.content),
    })
