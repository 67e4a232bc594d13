"""The minutes in the admin are for reading, with their history: every change to them goes through
the web pages and agreements.services, where the rules and the reasons live."""

from django.contrib import admin

from agreements.models import (
    Agreement,
    AgreementProvince,
    AgreementVersion,
    Answer,
    Clause,
    ClauseTemplate,
    Comment,
    DeploymentReport,
    DeploymentReportFile,
    EligibilityFlag,
    HandbackEvidence,
    HandbackObligation,
    LegalBasis,
    LegalDocument,
    Opinion,
    ProvinceRisk,
    RefusalProvince,
    RefusalRequest,
    RefusalRequestFile,
    ReviewRequest,
    SignedCopy,
    StatusChange,
    TerminationMinutes,
)
from core.admin import ReadOnlyHistoryAdmin, ReadOnlyInline, SimpleHistoryAdmin


class LegalBasisInline(ReadOnlyInline):
    model = LegalBasis


class ClauseInline(ReadOnlyInline):
    model = Clause
    fields = ["position", "section", "heading", "text"]


class ProvinceInline(ReadOnlyInline):
    model = AgreementProvince


class ReviewRequestInline(ReadOnlyInline):
    model = ReviewRequest


@admin.register(Agreement)
class AgreementAdmin(ReadOnlyHistoryAdmin):
    list_display = ["__str__", "partner", "status", "term_start", "term_end", "signed_on"]
    list_filter = ["status"]
    search_fields = ["partner__short_name", "title", "symbol"]
    list_select_related = ["partner"]
    inlines = [LegalBasisInline, ClauseInline, ProvinceInline, ReviewRequestInline]


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyHistoryAdmin):
    list_display = ["agreement", "from_status", "to_status", "by", "at"]
    list_select_related = ["agreement", "agreement__partner", "by"]


@admin.register(EligibilityFlag)
class EligibilityFlagAdmin(ReadOnlyHistoryAdmin):
    list_display = ["agreement", "raised_on", "cleared_on"]
    list_select_related = ["agreement", "agreement__partner"]


@admin.register(ProvinceRisk)
class ProvinceRiskAdmin(ReadOnlyHistoryAdmin):
    list_display = ["agreement", "province", "reason", "raised_on", "cleared_on"]
    list_select_related = ["agreement", "agreement__partner", "province"]


@admin.register(LegalBasis, Clause, ReviewRequest, AgreementProvince)
class AgreementPartAdmin(ReadOnlyHistoryAdmin):
    list_display = ["__str__", "agreement"]
    list_select_related = ["agreement", "agreement__partner"]


@admin.register(AgreementVersion)
class AgreementVersionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["agreement", "number", "sent_by", "sent_at", "fingerprint"]
    list_select_related = ["agreement", "agreement__partner", "sent_by"]


class CommentInline(ReadOnlyInline):
    model = Comment
    fields = ["position", "anchor_label", "text"]


@admin.register(Opinion)
class OpinionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["letter_number", "request", "version", "position", "recorded_by", "recorded_at"]
    list_select_related = ["request__department", "request__agreement__partner", "version", "recorded_by"]
    inlines = [CommentInline]


@admin.register(Comment, Answer)
class OpinionPartAdmin(ReadOnlyHistoryAdmin):
    list_display = ["__str__", "pk"]


@admin.register(LegalDocument)
class LegalDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["number", "kind", "name", "issuer", "issued_on", "active"]
    list_filter = ["kind", "active"]

    def has_delete_permission(self, request, obj=None):
        return False  # minutes cite it: untick "offered" instead


@admin.register(ClauseTemplate)
class ClauseTemplateAdmin(SimpleHistoryAdmin):
    list_display = ["section", "heading", "position", "active"]
    list_filter = ["section", "active"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SignedCopy)
class SignedCopyAdmin(ReadOnlyHistoryAdmin):
    list_display = ["agreement", "verification_code", "sha256", "rendered_at"]
    list_select_related = ["agreement", "agreement__partner"]
    exclude = ["data"]  # downloaded from the agreement's page, where the download is recorded


class DeploymentReportFileInline(ReadOnlyInline):
    model = DeploymentReportFile
    fields = ["original_name", "content_type", "size", "sha256"]


@admin.register(DeploymentReport)
class DeploymentReportAdmin(ReadOnlyHistoryAdmin):
    list_display = ["agreement", "province", "period_start", "facilities_live", "records_created", "filed_by",
                    "filed_at"]
    list_select_related = ["agreement", "agreement__partner", "province", "filed_by"]
    inlines = [DeploymentReportFileInline]


@admin.register(DeploymentReportFile)
class DeploymentReportFileAdmin(ReadOnlyHistoryAdmin):
    list_display = ["original_name", "report", "content_type", "size"]
    list_select_related = ["report__agreement__partner", "report__province"]
    exclude = ["file"]  # downloaded from the report's page, where the download is recorded


class RefusalProvinceInline(ReadOnlyInline):
    model = RefusalProvince


class RefusalRequestFileInline(ReadOnlyInline):
    model = RefusalRequestFile
    fields = ["original_name", "content_type", "size", "sha256"]


@admin.register(RefusalRequest)
class RefusalRequestAdmin(ReadOnlyHistoryAdmin):
    list_display = ["agreement", "clause", "status", "outcome", "filed_by", "filed_at", "decided_by", "decided_at"]
    list_select_related = ["agreement", "agreement__partner", "clause", "filed_by", "decided_by"]
    inlines = [RefusalProvinceInline, RefusalRequestFileInline]


@admin.register(RefusalProvince)
class RefusalProvinceAdmin(ReadOnlyHistoryAdmin):
    list_display = ["request", "scope"]
    list_select_related = ["request__agreement__partner", "scope__province"]


@admin.register(RefusalRequestFile)
class RefusalRequestFileAdmin(ReadOnlyHistoryAdmin):
    list_display = ["original_name", "request", "content_type", "size"]
    list_select_related = ["request__agreement__partner"]
    exclude = ["file"]  # downloaded from the request's page, where the download is recorded


class HandbackEvidenceInline(ReadOnlyInline):
    model = HandbackEvidence
    fields = ["original_name", "content_type", "size", "sha256"]


@admin.register(HandbackObligation)
class HandbackObligationAdmin(ReadOnlyHistoryAdmin):
    list_display = ["agreement", "kind", "due_on", "status", "recorded_by", "confirmed_by"]
    list_filter = ["status", "kind"]
    list_select_related = ["agreement", "agreement__partner", "recorded_by", "confirmed_by"]
    inlines = [HandbackEvidenceInline]


@admin.register(HandbackEvidence)
class HandbackEvidenceAdmin(ReadOnlyHistoryAdmin):
    list_display = ["original_name", "obligation", "content_type", "size"]
    list_select_related = ["obligation__agreement__partner"]
    exclude = ["file"]  # downloaded from the hand-back page, where the download is recorded


@admin.register(TerminationMinutes)
class TerminationMinutesAdmin(ReadOnlyHistoryAdmin):
    list_display = ["__str__", "number_year", "agreement", "issued_on", "verification_code"]
    list_select_related = ["agreement", "agreement__partner"]
    exclude = ["data"]  # downloaded from the agreement's page, where the download is recorded
