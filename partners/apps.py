from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partner units")

    def ready(self):
        from core import audit
        from core.uploads import counts_toward_partner_quota
        from partners import search
        from partners.models import AuthorityDocument

        audit.scope_for("partners.partner", lambda partner: (partner.pk, None))
        counts_toward_partner_quota(AuthorityDocument, partner="partner_id")
        search.connect()
