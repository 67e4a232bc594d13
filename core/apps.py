from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Ministry")

    def ready(self):
        from simple_history.signals import post_create_historical_record

        from core import audit

        post_create_historical_record.connect(audit.record_history, dispatch_uid="core.audit.record_history")
