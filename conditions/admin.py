from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from conditions.models import Condition, ConditionSet, Evidence, EvidenceFile, Notice
from core.admin import ReadOnlyHistoryAdmin


class ConditionInline(admin.StackedInline):
    model = Condition
    extra = 0


@admin.register(ConditionSet)
class ConditionSetAdmin(SimpleHistoryAdmin):
    list_display = ["version", "title", "effective_from", "status"]
    readonly_fields = ["status", "published_at"]
    inlines = [ConditionInline]

    def has_change_permission(self, request, obj=None):
        # A published set is never edited: a new version replaces it.
        if obj is not None and obj.status != ConditionSet.Status.DRAFT:
            return False
        return super().has_change_permission(request, obj)


@admin.register(Condition)
class ConditionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "category", "mandatory", "condition_set"]
    list_filter = ["category", "mandatory", "condition_set"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.condition_set.status != ConditionSet.Status.DRAFT:
            return False
        return super().has_change_permission(request, obj)


class EvidenceFileInline(admin.TabularInline):
    model = EvidenceFile
    fields = ["original_name", "content_type", "size", "sha256"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyHistoryAdmin):
    """Decisions are taken on the assessment pages, through evidence_decide()."""

    list_display = ["condition", "partner", "status", "submitted_at", "valid_from", "valid_until"]
    list_filter = ["status", "condition__condition_set"]
    list_select_related = ["condition", "partner"]
    inlines = [EvidenceFileInline]


@admin.register(EvidenceFile)
class EvidenceFileAdmin(ReadOnlyHistoryAdmin):
    list_display = ["original_name", "evidence", "content_type", "size"]
    exclude = ["file"]


@admin.register(Notice)
class NoticeAdmin(ReadOnlyHistoryAdmin):
    list_display = ["sent_on", "kind", "evidence", "recipients"]
    list_filter = ["kind"]
