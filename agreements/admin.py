from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from agreements.models import (
    Agreement,
    AgreementProvince,
    Clause,
    EligibilityFlag,
    LegalBasis,
    ReviewRequest,
    StatusChange,
)
from core.admin import ReadOnlyHistoryAdmin


class DraftOnlyMixin:
    """Text may change only while the agreement is a draft; the status never changes here."""

    def _agreement(self, obj):
        return obj if isinstance(obj, Agreement) else getattr(obj, "agreement", None)

    def has_change_permission(self, request, obj=None):
        agreement = self._agreement(obj) if obj is not None else None
        if agreement is not None and not agreement.is_editable:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        agreement = self._agreement(obj) if obj is not None else None
        if agreement is not None and not agreement.is_editable:
            return False
        return super().has_delete_permission(request, obj)


class LegalBasisInline(DraftOnlyMixin, admin.TabularInline):
    model = LegalBasis
    extra = 0


class ClauseInline(DraftOnlyMixin, admin.StackedInline):
    model = Clause
    extra = 0


class ProvinceInline(DraftOnlyMixin, admin.TabularInline):
    model = AgreementProvince
    extra = 0
    autocomplete_fields = ["province"]


class ReviewRequestInline(DraftOnlyMixin, admin.TabularInline):
    model = ReviewRequest
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(DraftOnlyMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "partner", "status", "term_start", "term_end", "signed_on"]
    list_filter = ["status"]
    search_fields = ["partner__short_name", "title", "symbol"]
    list_select_related = ["partner"]
    readonly_fields = ["status", "number", "symbol", "signed_on", "handing_signatory", "receiving_signatory",
                       "terminated_on", "termination_reason", "termination_notes"]
    inlines = [LegalBasisInline, ClauseInline, ProvinceInline, ReviewRequestInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        return False  # agreements are cancelled or terminated, never deleted


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ["agreement", "from_status", "to_status", "by", "at"]
    list_select_related = ["agreement", "by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


for model in (LegalBasis, Clause, ReviewRequest, AgreementProvince):
    admin.site.register(model, type(f"{model.__name__}Admin", (DraftOnlyMixin, SimpleHistoryAdmin), {}))


@admin.register(EligibilityFlag)
class EligibilityFlagAdmin(ReadOnlyHistoryAdmin):
    list_display = ["agreement", "raised_on", "cleared_on"]
    list_select_related = ["agreement", "agreement__partner"]
