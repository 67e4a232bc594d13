"""Every write to partner units, their authority documents and their members goes through here."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm

from core import roles
from core.exceptions import Refused
from core.permissions import require
from core.tracking import normalise_line_endings, only, tracked_delete, tracked_save
from core.uploads import check_partner_quota, named_as_detected, validate_upload
from partners import permissions
from partners.models import AuthorityDocument, Membership, Partner

# What a member may do with their own unit, granted per object.
MEMBER_PERMS = ("partners.view_partner", "partners.change_partner")


@transaction.atomic
def partner_create(*, by, reason="", **fields):
    """Register a partner unit."""
    require(permissions.can_create(by), _("Your roles do not allow registering partner units."))
    partner = Partner(**only(fields, Partner.PROFILE_FIELDS))
    partner.full_clean()
    return tracked_save(partner, by=by, reason=reason or _("Partner unit registered"))


@transaction.atomic
def partner_update(*, partner, by, reason="", **fields):
    """Change a partner unit's profile; its own members may not change its identity."""
    require(permissions.can_edit(by, partner), _("You may not change this unit's profile."))
    if not permissions.can_edit_identity(by):
        require(not set(fields) & set(Partner.IDENTITY_FIELDS),
                _("Only the Ministry corrects a unit's legal name, tax code and kind."))
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    before = {name: getattr(partner, name) for name in Partner.PROFILE_FIELDS}
    for name, value in only(fields, Partner.PROFILE_FIELDS).items():
        setattr(partner, name, value)
    partner.full_clean()
    normalise_line_endings(partner)
    if all(getattr(partner, name) == value for name, value in before.items()):
        return partner  # a profile saved as it was records nothing (issue 10, item 6)
    return tracked_save(partner, by=by, reason=reason or _("Profile updated"))


@transaction.atomic
def partner_set_status(*, partner, status, by, reason):
    """Suspend, withdraw or reinstate a partner unit; the reason is required."""
    require(permissions.can_change_status(by), _("Your roles do not allow changing a unit's status."))
    if not reason.strip():
        raise Refused(_("Give the reason for the change of status."))
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    if partner.status == status:
        raise Refused(_("The unit is already %(status)s.") % {"status": partner.get_status_display().lower()})
    partner.status = status
    return tracked_save(partner, by=by, reason=reason, update_fields=["status", "updated_at"])


@transaction.atomic
def authority_document_add(*, partner, by, kind, number, issued_on, issuer, summary, upload=None, reason=""):
    """Record an instrument that gives the unit authority to sign, with its file, within the unit's storage quota."""
    require(permissions.can_edit(by, partner), _("You may not add documents to this unit."))
    document = AuthorityDocument(partner=partner, kind=kind, number=number, issued_on=issued_on, issuer=issuer,
                                 summary=summary)
    if upload is not None:
        try:
            _content_type, extension = validate_upload(upload)
        except ValidationError as error:
            raise Refused([f"{upload.name}: {message}" for message in error.messages]) from None
        Partner.objects.select_for_update().get(pk=partner.pk)  # one upload at a time counts the unit's space
        check_partner_quota(partner.pk, upload.size)
        document.original_filename = named_as_detected(upload.name, extension)
        document.size = upload.size
        upload.name = f"upload{extension}"  # stored under the extension of what the file is
        document.file = upload
    document.full_clean()
    return tracked_save(document, by=by, reason=reason or _("Authority document added"))


@transaction.atomic
def member_add(*, partner, user, by, title=""):
    """Make a user act for a partner unit and grant them their unit's object permissions."""
    require(permissions.can_add_members(by), _("Your roles do not allow managing members."))
    if Membership.objects.filter(user=user).exclude(partner=partner).exists():
        raise Refused(_("%(user)s already acts for another partner unit.") % {"user": user})
    membership = Membership.objects.filter(user=user).first()
    if membership is None:
        membership = tracked_save(Membership(user=user, partner=partner, title=title), by=by,
                                  reason=_("Member added"))
    for perm in MEMBER_PERMS:
        assign_perm(perm, user, partner)
    user.groups.add(Group.objects.get(name=roles.PARTNER))
    return membership


@transaction.atomic
def member_remove(*, membership, by, reason):
    """Take a user out of their partner unit, with their object permissions."""
    require(permissions.can_remove_members(by), _("Your roles do not allow managing members."))
    for perm in MEMBER_PERMS:
        remove_perm(perm, membership.user, membership.partner)
    membership.user.groups.remove(Group.objects.get(name=roles.PARTNER))
    tracked_delete(membership, by=by, reason=reason or _("Member removed"))
