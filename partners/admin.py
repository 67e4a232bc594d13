from django.contrib import admin
from guardian.admin import GuardedModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from partners.models import AuthorityDocument, Membership, Partner


class AuthorityDocumentInline(admin.TabularInline):
    model = AuthorityDocument
    extra = 0
    fields = ["kind", "number", "issued_on", "issuer", "summary"]


@admin.register(Partner)
class PartnerAdmin(GuardedModelAdmin, SimpleHistoryAdmin):
    list_display = ["short_name", "legal_name", "tax_code", "kind", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["short_name", "legal_name", "tax_code"]
    readonly_fields = ["status"]  # changed only through partner_set_status, which asks why
    inlines = [AuthorityDocumentInline]


@admin.register(AuthorityDocument)
class AuthorityDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["partner", "kind", "number", "issued_on", "issuer"]
    list_select_related = ["partner"]
    exclude = ["file"]  # files arrive through the checked upload form only


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "partner", "title"]
    list_select_related = ["user", "partner"]
    readonly_fields = ["user", "partner"]  # joining grants object permissions: use member_add

    def has_add_permission(self, request):
        return False
