from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.models import Department, DownloadRecord, Province, StaffProfile


@admin.register(Province)
class ProvinceAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "valid_from", "valid_to", "successor"]
    list_filter = ["valid_to"]
    search_fields = ["code", "name"]
    list_select_related = ["successor"]


@admin.register(Department)
class DepartmentAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "is_handing_unit"]


@admin.register(StaffProfile)
class StaffProfileAdmin(SimpleHistoryAdmin):
    list_display = ["user", "department", "title"]
    list_select_related = ["user", "department"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records the system writes itself: readable here, never changed by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyHistoryAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    pass


@admin.register(DownloadRecord)
class DownloadRecordAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "what", "object_id", "filename", "ip_address"]
    list_filter = ["what"]
    list_select_related = ["user"]
