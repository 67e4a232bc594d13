from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.models import Department, Province, StaffProfile


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
