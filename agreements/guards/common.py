"""Rules more than one move shares."""

from django.utils.translation import gettext as _

from partners.models import Partner


def partner_problems(partner):
    """Only an active partner unit may take part."""
    if partner.status != Partner.Status.ACTIVE:
        yield _("%(partner)s is %(status)s: only an active partner unit may take part.") % {
            "partner": partner.short_name, "status": partner.get_status_display().lower()}
