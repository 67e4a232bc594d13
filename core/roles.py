"""The roles of DOMAIN.md, as Django groups. The migration that creates them reads GRANTS."""

from django.utils.translation import gettext_lazy as _

DRAFTER = "drafter"
REVIEWER = "reviewer"
ASSESSOR = "assessor"
SIGNER = "signer"
PARTNER = "partner"
AUDITOR = "auditor"
ADMINISTRATOR = "administrator"

LABELS = {
    DRAFTER: _("Drafter"),
    REVIEWER: _("Reviewer"),
    ASSESSOR: _("Assessor"),
    SIGNER: _("Signer"),
    PARTNER: _("Partner user"),
    AUDITOR: _("Auditor"),
    ADMINISTRATOR: _("Administrator"),
}

MINISTRY_ROLES = {DRAFTER, REVIEWER, ASSESSOR, SIGNER, ADMINISTRATOR}

_READ_ALL = [
    "core.view_province",
    "core.view_department",
    "partners.view_partner",
    "partners.view_authoritydocument",
    "partners.view_membership",
    "conditions.view_conditionset",
    "conditions.view_condition",
    "conditions.view_evidence",
    "conditions.view_notice",
    "core.view_downloadrecord",
    "core.view_history",
    "conditions.view_draft_conditionset",
    "agreements.view_agreement",
    "agreements.view_eligibilityflag",
]

_CATALOGUE = [
    "conditions.add_conditionset",
    "conditions.change_conditionset",
    "conditions.add_condition",
    "conditions.change_condition",
    "conditions.delete_condition",
]

# Global (model-level) permissions per role. Partner users get none: what they may
# see and change is granted per object (django-guardian) when they join a unit.
GRANTS = {
    DRAFTER: _READ_ALL
    + [
        "partners.add_partner",
        "partners.change_partner",
        "partners.change_partner_status",
        "partners.add_authoritydocument",
        "partners.delete_authoritydocument",
        "partners.add_membership",
        "partners.delete_membership",
        "agreements.add_agreement",
        "agreements.change_agreement",
        "agreements.transition_agreement",
        # Not "agreements.sign_agreement": whoever drafts the minutes does not record their signing.
    ],
    REVIEWER: [
        "core.view_province",
        "core.view_department",
        "conditions.view_conditionset",
        "conditions.view_condition",
        "agreements.record_opinion",  # for their own department only: the service checks it
    ],
    ASSESSOR: _READ_ALL + _CATALOGUE + ["conditions.assess_evidence"],
    SIGNER: _READ_ALL + ["agreements.sign_agreement"],
    AUDITOR: _READ_ALL + ["core.view_audit_record"],
    ADMINISTRATOR: _READ_ALL + _CATALOGUE + ["partners.add_membership", "partners.delete_membership"],
    PARTNER: [
        "core.view_province",
        "conditions.view_conditionset",
        "conditions.view_condition",
        "conditions.add_evidence",  # for their own unit only: the views check membership
        "agreements.record_opinion",  # when their unit is asked: the service checks membership
    ],
}


def role_names(user):
    """The role groups of a user, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_role_names"):
        user._role_names = frozenset(user.groups.values_list("name", flat=True))
    return user._role_names


def sync_groups(apps):
    """Make each role group hold exactly the permissions of GRANTS (used by data migrations)."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrations; make sure they exist now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # GRANTS is today's table; an early migration finds only the models of its time, and a
    # later migration (depending on the newer models) grants the rest.
    existing = {f"{app}.{code}": pk for pk, app, code in
                Permission.objects.values_list("pk", "content_type__app_label", "codename")}
    for role, perms in GRANTS.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.set([existing[p] for p in perms if p in existing])
