from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConditionsConfig(AppConfig):
    name = "conditions"
    verbose_name = _("Eligibility conditions")

    def ready(self):
        from conditions.models import EvidenceFile
        from core import audit
        from core.uploads import counts_toward_partner_quota

        counts_toward_partner_quota(EvidenceFile, partner="evidence__partner_id")
        for label in ("conditions.evidencefile", "conditions.notice"):
            audit.scope_for(label, lambda row: (row.evidence.partner_id, None))
