from django.contrib import admin

from core.admin import ReadOnlyHistoryAdmin, ReadOnlyInline
from partners.models import AuthorityDocument, Membership, Partner


class AuthorityDocumentInline(ReadOnlyInline):
    model = AuthorityDocument
    fields = ["kind", "number", "issued_on", "issuer", "summary"]


@admin.register(Partner)
class PartnerAdmin(ReadOnlyHistoryAdmin):
    """For reading, with its history. Units are registered and corrected on the partner pages, through
    partners.services (which keep a unit's identity from its own members and ask why a status changes),
    and a unit is opened to a user only by making them a member: no object permission is granted here."""

    list_display = ["short_name", "legal_name", "tax_code", "kind", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["short_name", "legal_name", "tax_code"]
    inlines = [AuthorityDocumentInline]


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
