from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Ministry")

    def ready(self):
        from django.db.models.signals import post_migrate

        from core import audit_events, protection

        audit_events.connect()
        post_migrate.connect(protection.after_migrate, dispatch_uid="core.protection")
