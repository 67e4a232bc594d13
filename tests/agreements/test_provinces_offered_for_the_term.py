"""The draft forms offer only the provinces in force when the term starts (34 after 01/07/2025, 63 before),
not the 97 of both periods mixed; the picker's JSON asks again for the day typed; a province of another period
sent anyway is refused beside the field."""

import datetime

import pytest
from django.urls import reverse

from agreements.models import Agreement
from core.models import Province
from tests.agreements.edit_page_posts import edit_page
from tests.agreements.test_agreement_form import _create
from tests.factories import current_province, draft, old_province
from tests.pages import field_errors

pytestmark = pytest.mark.django_db


def _offered(response):
    """The provinces the page's picker lists (its <option>s)."""
    return {int(str(value)) for value, _label in response.context["form"].fields["provinces"].widget.choices}


def _in_force(day):
    return set(Province.objects.in_force_on(day).values_list("pk", flat=True))


def test_the_new_draft_form_offers_the_provinces_in_force_today(login, drafter):
    response = login(drafter).get(reverse("agreements:create"))
    assert _offered(response) == _in_force(datetime.date.today())
    assert old_province("02").pk not in _offered(response)  # Hà Giang, to 30/06/2025


def test_the_edit_page_offers_the_provinces_of_the_terms_start(login, drafter):
    agreement = draft(by=drafter, term_start=datetime.date(2026, 1, 1))
    response = login(drafter).get(reverse("agreements:edit", args=[agreement.pk]))
    assert _offered(response) == _in_force(datetime.date(2026, 1, 1))
    assert len(_offered(response)) == 34


def test_a_term_starting_before_the_reorganisation_offers_the_old_provinces(login, drafter, vnpt):
    response = _create(login(drafter), vnpt, current_province("01"), "01/01/2025", "31/12/2026")
    assert response.status_code == 200  # refused: Hà Nội of after 01/07/2025, re-offered for the day typed
    offered = _offered(response)
    assert offered == _in_force(datetime.date(2025, 1, 1)) | {current_province("01").pk}
    assert old_province("02").pk in offered
    assert current_province("08").pk not in offered  # Tuyên Quang after the merger: not in force yet


def test_a_province_of_another_period_is_refused_beside_the_field(login, drafter):
    agreement = draft(by=drafter, term_start=datetime.date(2026, 1, 1))
    client = login(drafter)
    response = client.post(reverse("agreements:edit", args=[agreement.pk]),
                           edit_page(agreement, provinces=[str(old_province("02").pk)]))
    assert response.status_code == 200
    assert field_errors(response, "provinces") == [
        "Not in force when the term starts (01/01/2026): Hà Giang. Choose the provinces of that period."]
    assert old_province("02").pk in _offered(response)  # still shown, so that it can be taken out
    assert list(agreement.provinces.all()) == [current_province("01")]


def test_a_province_in_force_on_the_terms_start_is_saved(login, drafter):
    agreement = draft(by=drafter, term_start=datetime.date(2026, 1, 1))
    lao_cai = Province.objects.in_force_on(datetime.date(2026, 1, 1)).get(name="Lào Cai")
    response = login(drafter).post(reverse("agreements:edit", args=[agreement.pk]),
                                   edit_page(agreement, provinces=[str(lao_cai.pk)]))
    assert response.status_code == 302
    assert list(Agreement.objects.get(pk=agreement.pk).provinces.all()) == [lao_cai]


def test_the_pickers_json_lists_the_provinces_in_force_on_the_day_asked(login, drafter):
    client = login(drafter)
    before = client.get(reverse("agreements:province_options"), {"on": "01/01/2025"}).json()
    after = client.get(reverse("agreements:province_options"), {"on": "01/01/2026"}).json()
    assert {int(p["value"]) for p in before["provinces"]} == _in_force(datetime.date(2025, 1, 1))
    assert {int(p["value"]) for p in after["provinces"]} == _in_force(datetime.date(2026, 1, 1))
    assert (len(before["provinces"]), len(after["provinces"])) == (63, 34)
    assert after["on"] == "01/01/2026"


def test_the_pickers_json_refuses_what_is_not_a_date(login, drafter):
    response = login(drafter).get(reverse("agreements:province_options"), {"on": "31/02/2026"})
    assert response.status_code == 400


def test_the_pickers_json_is_for_drafters_only(login, signer, vnpt_user):
    for user in (signer, vnpt_user):
        assert login(user).get(reverse("agreements:province_options"), {"on": "01/01/2026"}).status_code == 403
