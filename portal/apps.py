from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The top of the one-way stack (core → partners → conditions → agreements → portal): the pages and
    commands that span every app: the dashboard, the download log, the demo loader, the file sweep."""

    name = "portal"
    verbose_name = _("Portal")
