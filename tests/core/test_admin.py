"""The Django admin: every model listed and viewable with its history; status never editable there."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from agreements.models import Agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def test_every_domain_model_is_in_the_admin():
    for label in ("core", "partners", "conditions", "agreements"):
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical") or model.__name__.endswith("ObjectPermission"):
                continue
            assert admin.site.is_registered(model), model


def test_every_admin_page_opens_with_its_history(admin_client):
    failures = []
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        urls = [reverse("admin:%s_%s_changelist" % info)]
        obj = model.objects.first()
        if obj is not None:
            urls.append(reverse("admin:%s_%s_change" % info, args=[obj.pk]))
            urls.append(reverse("admin:%s_%s_history" % info, args=[obj.pk]))
        for url in urls:
            status = admin_client.get(url).status_code
            if status != 200:
                failures.append((url, status))
    assert failures == []


def test_the_admin_shows_agreements_but_changes_none(admin_client):
    """Drafts are edited on the web pages, through the services that hold the rules and reasons."""
    for agreement in Agreement.objects.filter(status__in=["draft", "signed"]):
        url = reverse("admin:agreements_agreement_change", args=[agreement.pk])
        page = admin_client.get(url).content.decode()
        assert 'name="status"' not in page and 'name="software_version"' not in page
        before = agreement.software_version
        admin_client.post(url, {"software_version": "9.9"})
        agreement.refresh_from_db()
        assert agreement.software_version == before


def test_reverting_from_the_admin_history_is_refused(admin_client):
    signed = Agreement.objects.get(status="signed")
    first = signed.history.order_by("history_id").first()
    url = reverse("admin:agreements_agreement_simple_history", args=[signed.pk, first.history_id])
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url, {}).status_code == 403
