from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partner units")

    def ready(self):
        from core import audit

        audit.scope_for("partners.partner", lambda partner: (partner.pk, None))
