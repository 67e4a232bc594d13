"""The catalogue and evidence in the admin are for reading, with their history: drafts are edited
and published, and evidence decided, on the web pages through conditions.services."""

from django.contrib import admin

from conditions.models import Condition, ConditionSet, Evidence, EvidenceFile, EvidenceMessage, Notice
from core.admin import ReadOnlyHistoryAdmin, ReadOnlyInline


class ConditionInline(ReadOnlyInline):
    model = Condition
    fields = ["code", "title", "category", "mandatory", "validity_months"]


@admin.register(ConditionSet)
class ConditionSetAdmin(ReadOnlyHistoryAdmin):
    list_display = ["version", "title", "effective_from", "superseded_on", "status"]
    inlines = [ConditionInline]


@admin.register(Condition)
class ConditionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["code", "title", "category", "mandatory", "condition_set"]
    list_filter = ["category", "mandatory", "condition_set"]
    list_select_related = ["condition_set"]


class EvidenceFileInline(ReadOnlyInline):
    model = EvidenceFile
    fields = ["original_name", "content_type", "size", "sha256"]


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyHistoryAdmin):
    list_display = ["condition", "partner", "status", "submitted_at", "valid_from", "valid_until"]
    list_filter = ["status", "condition__condition_set"]
    list_select_related = ["condition", "partner"]
    inlines = [EvidenceFileInline]


@admin.register(EvidenceMessage)
class EvidenceMessageAdmin(ReadOnlyHistoryAdmin):
    list_display = ["at", "kind", "evidence", "author"]
    list_filter = ["kind"]
    list_select_related = ["evidence__condition", "evidence__partner", "author"]
    inlines = [EvidenceFileInline]


@admin.register(EvidenceFile)
class EvidenceFileAdmin(ReadOnlyHistoryAdmin):
    list_display = ["original_name", "evidence", "content_type", "size"]
    list_select_related = ["evidence__condition", "evidence__partner"]
    exclude = ["file"]


@admin.register(Notice)
class NoticeAdmin(ReadOnlyHistoryAdmin):
    list_display = ["sent_on", "kind", "evidence", "recipients"]
    list_filter = ["kind"]
    list_select_related = ["evidence__condition", "evidence__partner"]
