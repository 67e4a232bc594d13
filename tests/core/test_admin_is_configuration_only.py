"""The Django admin lists every model, with its history, for reading; it changes configuration (users,
departments, provinces, the libraries) and nothing the rules guard: partner units included. Its
pages by persona are in tests/portal/test_url_access_by_persona.py; the refused writes in
test_admin_refuses_domain_changes.py."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from agreements.models import Agreement
from core import roles
from core.models import Department
from partners.models import Partner
from partners.services import partner_set_status
from tests.factories import clerk, draft, signed
from tests.portal.acting import as_posted, recorded_writes

pytestmark = pytest.mark.django_db


def test_every_model_of_the_project_is_in_the_admin():
    for label in ("core", "partners", "conditions", "agreements"):
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical") or model.__name__.endswith("ObjectPermission"):
                continue
            assert admin.site.is_registered(model), model


@pytest.mark.parametrize("make", [draft, signed], ids=["draft", "signed"])
def test_the_admin_shows_an_agreement_with_no_field_to_change(login, superuser, vnpt, make):
    agreement = make(partner=vnpt)
    response = login(superuser).get(reverse("admin:agreements_agreement_change", args=[agreement.pk]))
    assert response.status_code == 200
    assert list(response.context["adminform"].form.fields) == []
    assert {"software_version", "term_end"} <= set(response.context["adminform"].readonly_fields)


def test_reverting_an_agreement_from_its_admin_history_is_refused(login, superuser, vnpt):
    agreement = signed(partner=vnpt)
    first = agreement.history.order_by("history_id").first()  # the draft as created
    url = reverse("admin:agreements_agreement_simple_history", args=[agreement.pk, first.history_id])
    client = login(superuser)
    page = client.get(url)
    assert page.status_code == 200
    before = recorded_writes()
    assert client.post(url, as_posted(page.context["adminform"].form)).status_code == 403
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.SIGNED
    assert recorded_writes() == before


def test_reverting_a_partner_from_its_admin_history_does_not_bring_back_its_status(login, superuser, vnpt):
    first = vnpt.history.order_by("history_id").first()  # active, as registered
    partner_set_status(partner=vnpt, status=Partner.Status.WITHDRAWN, by=clerk(roles.DRAFTER), reason="Rút lui")
    url = reverse("admin:partners_partner_simple_history", args=[vnpt.pk, first.history_id])
    client = login(superuser)
    form = as_posted(client.get(url).context["adminform"].form)
    assert client.post(url, form).status_code == 403
    assert Partner.objects.get(pk=vnpt.pk).status == Partner.Status.WITHDRAWN


def test_the_admin_shows_a_partner_but_changes_nothing_of_it(login, superuser, vnpt):
    """Profiles are corrected on the partner's page, where partner_update keeps a unit's identity from
    its own members and records why."""
    url = reverse("admin:partners_partner_change", args=[vnpt.pk])
    client = login(superuser)
    page = client.get(url)
    assert page.status_code == 200
    assert list(page.context["adminform"].form.fields) == []
    before = recorded_writes()
    data = {name: getattr(vnpt, name) or "" for name in Partner.PROFILE_FIELDS}
    response = client.post(url, data | {"contact_email": "lienhe@vnpt.vn", "status": Partner.Status.SUSPENDED})
    assert response.status_code == 403
    vnpt.refresh_from_db()
    assert (vnpt.contact_email, vnpt.status) == ("", Partner.Status.ACTIVE)
    assert recorded_writes() == before


def test_the_admin_adds_a_department_to_ask_for_opinions(login, superuser):
    response = login(superuser).post(reverse("admin:core_department_add"), {"code": "PC", "name": "Vụ Pháp chế"})
    assert response.status_code == 302
    assert not Department.objects.get(code="PC").is_handing_unit


def test_the_admin_offers_no_page_to_open_a_unit_to_another_units_member(login, superuser, vnpt, vietsens_user):
    """A unit is opened to a user only by member_add, which refuses a member of another unit."""
    with pytest.raises(NoReverseMatch):
        reverse("admin:partners_partner_permissions_manage_user", args=[vnpt.pk, vietsens_user.pk])
    assert login(vietsens_user).get(reverse("partners:detail", args=[vnpt.pk])).status_code == 404
