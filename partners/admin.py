from django.contrib import admin
from guardian.admin import GuardedModelAdmin

from core.admin import ReadOnlyHistoryAdmin, ReadOnlyInline, SimpleHistoryAdmin
from partners.models import AuthorityDocument, Membership, Partner


class AuthorityDocumentInline(ReadOnlyInline):
    model = AuthorityDocument
    fields = ["kind", "number", "issued_on", "issuer", "summary"]


@admin.register(Partner)
class PartnerAdmin(GuardedModelAdmin, SimpleHistoryAdmin):
    """Profiles may be corrected here (with object permissions); the status only through
    partner_set_status, which asks why."""

    list_display = ["short_name", "legal_name", "tax_code", "kind", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["short_name", "legal_name", "tax_code"]
    readonly_fields = ["status"]
    inlines = [AuthorityDocumentInline]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuthorityDocument)
class AuthorityDocumentAdmin(ReadOnlyHistoryAdmin):
    """Added on the partner's page, where the file is checked; cited documents never move."""

    list_display = ["partner", "kind", "number", "issued_on", "issuer"]
    list_select_related = ["partner"]
    exclude = ["file"]


@admin.register(Membership)
class MembershipAdmin(ReadOnlyHistoryAdmin):
    """Joining and leaving grant and revoke object permissions: use the partner's page."""

    list_display = ["user", "partner", "title"]
    list_select_related = ["user", "partner"]
