"""What a search for a partner unit matches it by: its short and legal names and its tax code (the
agreement list's type-ahead of partners, the partner register's search). Kept by a signal."""

from django.apps import apps as django_apps
from django.db.models.signals import post_save

from core import search

LABEL = "partners.partner"


def texts(partner_ids, apps=django_apps):
    Partner = apps.get_model("partners", "Partner")
    return {pk: search.document(short_name, legal_name, tax_code) for pk, short_name, legal_name, tax_code in
            Partner.objects.filter(pk__in=partner_ids).values_list("pk", "short_name", "legal_name", "tax_code")}


def rebuild(apps=django_apps):
    Partner = apps.get_model("partners", "Partner")
    SearchDocument = apps.get_model("core", "SearchDocument")
    found = texts(Partner.objects.values("pk"), apps)
    SearchDocument.objects.bulk_create(
        [SearchDocument(model=LABEL, object_id=pk, text=text) for pk, text in found.items()],
        update_conflicts=True, unique_fields=["model", "object_id"], update_fields=["text"], batch_size=2000)


def _partner_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        search.index(LABEL, texts([instance.pk]))


def connect():
    from partners.models import Partner

    post_save.connect(_partner_saved, sender=Partner, dispatch_uid="partners.search.partner")
    search.REBUILDERS[LABEL] = rebuild
