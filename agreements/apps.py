from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Handover agreements")

    def ready(self):
        from agreements.models import Agreement
        from conditions.querysets import SET_KEEPERS

        # An agreement keeps the condition set it was judged under for its whole term: evidence may
        # still be submitted under that set while the agreement is in force, even once superseded.
        SET_KEEPERS.append(lambda day: Agreement.objects.in_force_on(day).values("condition_set"))
