from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as _UserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history.admin import SimpleHistoryAdmin as _SimpleHistoryAdmin

from core import lockout
from core.exceptions import Refused
from core.models import (
    AuditEntry,
    AuditLink,
    Department,
    DownloadRecord,
    Notification,
    Province,
    RateCount,
    SearchDocument,
    StaffProfile,
)
from core.second_factor import services as second_factor


class SimpleHistoryAdmin(_SimpleHistoryAdmin):
    """History to read, never to revert: "Revert" writes an old row back wholesale, status and
    all, past every rule (SIMPLE_HISTORY_REVERT_DISABLED only hides the button)."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)



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


class ReadOnlyInline(admin.TabularInline):
    """Rows shown with their parent, changed only where the rules live."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


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


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "user", "kind", "key", "read_at"]
    list_filter = ["kind"]
    list_select_related = ["user"]


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """The audit record, to read: auditors use their workspace; nothing here changes or deletes it."""

    list_display = ["id", "at", "actor", "kind", "model", "object_id", "label"]
    list_filter = ["kind"]
    list_select_related = ["actor"]
    show_full_result_count = False


@admin.register(AuditLink)
class AuditLinkAdmin(ReadOnlyAdmin):
    list_display = ["id", "entry_id", "hash", "linked_at"]
    show_full_result_count = False


@admin.register(RateCount)
class RateCountAdmin(ReadOnlyAdmin):
    """Who is near or past a rate limit, to read; a limit lifts by itself when its window ends."""

    list_display = ["scope", "key", "count", "expires_at"]
    list_filter = ["scope"]


@admin.register(SearchDocument)
class SearchDocumentAdmin(ReadOnlyAdmin):
    """What a search matches each object by, to read when a search surprises someone; rewritten from the objects
    whenever they change (core.search)."""

    list_display = ["model", "object_id", "text"]
    list_filter = ["model"]
    search_fields = ["=object_id"]


@admin.register(AccessAttempt)
class LockoutAdmin(AccessAttemptAdmin):
    """The failed logins axes counts (core.lockout): deleting a pair's attempts here lifts its lockout, and the
    audit record says who lifted it (`manage.py axes_reset_username <name>` does the same from a shell). The
    audit record keeps every failure all the same."""

    def delete_model(self, request, obj):
        self.delete_queryset(request, AccessAttempt.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        for attempt in queryset:
            lockout.record_lifted(attempt, by=request.user)
        super().delete_queryset(request, queryset)


# Second-factor devices change only through core.second_factor, which writes each change to the audit record:
# an administrator resets a person's (the action below), never types in a key of their own choosing.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)
admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class UserAdmin(_UserAdmin):
    actions = ["reset_second_factor"]

    @admin.action(description=_("Reset the second factor (they set up a new one at their next login)"),
                  permissions=["change"])
    def reset_second_factor(self, request, queryset):
        done = 0
        for user in queryset:
            try:
                second_factor.second_factor_reset(user=user, by=request.user)
            except Refused as refused:
                self.message_user(request, f"{user.get_username()}: {' '.join(refused.reasons)}", messages.ERROR)
            else:
                done += 1
        self.message_user(request, ngettext("The second factor of %(n)d person was reset.",
                                            "The second factors of %(n)d people were reset.", done) % {"n": done})
