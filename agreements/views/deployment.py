"""After signing: the deployment page of an agreement, filing a report, reading one with its files, and the
drafter's reporting period. Read by Ministry staff and auditors and by the receiving party's own users; to
anyone else the pages do not exist."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreements import deployment, permissions, services
from agreements.deployment_forms import DeploymentReportForm, ReportPeriodForm
from agreements.models import Agreement, DeploymentReport, DeploymentReportFile
from agreements.views.agreement import visible_agreement
from core.downloads import private_download
from core.exceptions import NotPermitted, Refused
from core.http import flash_refusal
from core.models import DownloadRecord


def _deployed_agreement(request, pk):
    """A signed agreement whose deployment the user may read; 404 otherwise."""
    agreement = visible_agreement(request, pk, Agreement.objects.select_related("partner"))
    if agreement.signed_on is None or not permissions.can_read_deployment(request.user, agreement):
        raise Http404
    return agreement


def deployment_page(request, pk):
    """Per province: the latest report, its age, the trend against the report before, the periods unreported."""
    agreement = _deployed_agreement(request, pk)
    can_set_period = permissions.can_set_report_period(request.user) and agreement.status == Agreement.Status.SIGNED
    return render(request, "agreements/deployment.html", {
        "agreement": agreement, "rows": deployment.province_rows(agreement),
        "can_file": permissions.can_file_report(request.user, agreement)
        and agreement.status == Agreement.Status.SIGNED,
        "period_form": ReportPeriodForm.for_agreement(agreement) if can_set_period else None,
    })


def report_create(request, pk):
    """A partner user files the report of one province for one period begun; nothing is saved unless all is."""
    agreement = _deployed_agreement(request, pk)
    if not permissions.can_file_report(request.user, agreement):
        raise PermissionDenied
    if agreement.status != Agreement.Status.SIGNED:
        # Not an error of the form: the minutes are no longer in force (a conflict).
        return render(request, "agreements/deployment_report_form.html", {"agreement": agreement, "closed": True},
                      status=200 if request.method == "GET" else 409)
    provinces, periods = deployment.fileable(agreement)
    form = DeploymentReportForm(request.POST or None, request.FILES or None, provinces=provinces, periods=periods,
                                reported=deployment.reported_periods(agreement))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.report_file(agreement=agreement, province=data["province"],
                                          period_start=data["period_start"], by=request.user,
                                          figures={name: data[name] for name in services.deployment.FIGURES},
                                          uploads=data["files"])
        except NotPermitted:
            raise
        except Refused as refused:
            for reason in refused.reasons:
                form.add_error(None, reason)
        else:
            messages.success(request, _("The report for %(province)s is filed; the Ministry is told.") % {
                "province": report.province.name})
            return redirect(report)
    return render(request, "agreements/deployment_report_form.html", {"agreement": agreement, "form": form},
                  status=400 if request.method == "POST" else 200)


def _visible_report(request, pk, report_pk):
    agreement = _deployed_agreement(request, pk)
    report = get_object_or_404(
        DeploymentReport.objects.select_related("province", "filed_by")
        .prefetch_related(Prefetch("files", queryset=DeploymentReportFile.objects.order_by("pk"))),
        pk=report_pk, agreement=agreement)
    return agreement, report


def report_detail(request, pk, report_pk):
    agreement, report = _visible_report(request, pk, report_pk)
    others = (DeploymentReport.objects.filter(agreement=agreement, province_id=report.province_id)
              .exclude(pk=report.pk).select_related("filed_by").order_by("-period_start")[:20])
    return render(request, "agreements/deployment_report_detail.html", {
        "agreement": agreement, "report": report, "others": others,
        "age_days": (timezone.localdate() - timezone.localtime(report.filed_at).date()).days})


def report_file_download(request, pk, report_pk, file_pk):
    """A report's file, to those who may read the report; each download recorded."""
    agreement, report = _visible_report(request, pk, report_pk)
    item = get_object_or_404(DeploymentReportFile, pk=file_pk, report=report)
    return private_download(request, field_file=item.file, filename=item.original_name,
                            what=DownloadRecord.What.DEPLOYMENT_REPORT_FILE, object_id=item.pk,
                            scope=(agreement.partner_id, agreement.pk))


@require_POST
def report_period(request, pk):
    """The drafter changes how often the receiving party reports; recorded in the history."""
    agreement = _deployed_agreement(request, pk)
    if not permissions.can_set_report_period(request.user):
        raise PermissionDenied
    form = ReportPeriodForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("agreements:deployment", pk=agreement.pk)
    try:
        services.agreement_set_report_period(agreement=agreement, by=request.user, months=form.cleaned_data["months"])
    except NotPermitted:
        raise
    except Refused as refused:
        flash_refusal(request, refused)
    else:
        messages.success(request, services.deployment.every(form.cleaned_data["months"]))
    return redirect("agreements:deployment", pk=agreement.pk)
