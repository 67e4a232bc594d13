from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from conditions.models import Condition, ConditionSet


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
