"""What the agreement list's search matches an agreement by: its number, subject, software, receiving
party's names and tax code, and the provinces in scope under every name they have had since (a 2019 "Lào
Cai" agreement is found by today's "Lào Cai" too). Kept by signals, so every way an agreement, its scope,
its partner or a province changes rewrites the documents it touches."""

from django.apps import apps as django_apps
from django.db.models.signals import post_delete, post_save

from core import search

LABEL = "agreements.agreement"


def texts(agreement_ids, apps=django_apps):
    """{agreement id: document} for the ids given. `apps` is a migration's registry when run from one."""
    Agreement = apps.get_model("agreements", "Agreement")
    AgreementProvince = apps.get_model("agreements", "AgreementProvince")
    rows = (Agreement.objects.filter(pk__in=agreement_ids)
            .values_list("pk", "number", "symbol", "title", "software_name", "software_version",
                         "partner__short_name", "partner__legal_name", "partner__tax_code"))
    places = {}
    for agreement_id, *names in (AgreementProvince.objects.filter(agreement_id__in=agreement_ids)
                                 .values_list("agreement_id", "province__name", "province__successor__name",
                                              "province__successor__successor__name")):
        places.setdefault(agreement_id, []).extend(name for name in names if name)
    return {pk: search.document(f"{number:02d}/{symbol}" if number else "", title, software, version,
                                short_name, legal_name, tax_code, *dict.fromkeys(places.get(pk, [])))
            for pk, number, symbol, title, software, version, short_name, legal_name, tax_code in rows}


def refresh(agreement_ids):
    search.index(LABEL, texts(list(agreement_ids)))


def rebuild(apps=django_apps, chunk=2000):
    """Every agreement's document, `chunk` at a time."""
    Agreement = apps.get_model("agreements", "Agreement")
    SearchDocument = apps.get_model("core", "SearchDocument")
    ids = list(Agreement.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        found = texts(ids[start:start + chunk], apps)
        SearchDocument.objects.bulk_create(
            [SearchDocument(model=LABEL, object_id=pk, text=text) for pk, text in found.items()],
            update_conflicts=True, unique_fields=["model", "object_id"], update_fields=["text"])


def _agreement_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh([instance.pk])


def _scope_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh([instance.agreement_id])


def _partner_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh(instance.agreements.values_list("pk", flat=True))


def _province_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        AgreementProvince = django_apps.get_model("agreements", "AgreementProvince")
        places = [instance.pk, *instance.predecessors.values_list("pk", flat=True)]
        refresh(AgreementProvince.objects.filter(province_id__in=places).values_list("agreement_id", flat=True))


def connect():
    from agreements.models import Agreement, AgreementProvince
    from core.models import Province
    from partners.models import Partner

    post_save.connect(_agreement_saved, sender=Agreement, dispatch_uid="agreements.search.agreement")
    post_delete.connect(lambda sender, instance, **kw: search.forget(LABEL, [instance.pk]), sender=Agreement,
                        weak=False, dispatch_uid="agreements.search.agreement_deleted")
    post_save.connect(_scope_changed, sender=AgreementProvince, dispatch_uid="agreements.search.scope")
    post_delete.connect(_scope_changed, sender=AgreementProvince, dispatch_uid="agreements.search.scope_deleted")
    post_save.connect(_partner_saved, sender=Partner, dispatch_uid="agreements.search.partner")
    post_save.connect(_province_saved, sender=Province, dispatch_uid="agreements.search.province")
    search.REBUILDERS[LABEL] = rebuild
