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


def test_the_admin_cannot_change_a_status_or_a_signed_text(admin_client):
    signed = Agreement.objects.get(status="signed")
    page = admin_client.get(reverse("admin:agreements_agreement_change", args=[signed.pk])).content.decode()
    assert 'name="status"' not in page
    assert 'name="software_version"' not in page  # a signed agreement is read-only there
    draft = Agreement.objects.filter(status="draft").first()
    page = admin_client.get(reverse("admin:agreements_agreement_change", args=[draft.pk])).content.decode()
    assert 'name="status"' not in page and 'name="software_version"' in page
