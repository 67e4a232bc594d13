"""The new-agreement form: a term that ends after it starts, provinces of the term's period, a drafter
acting for an active partner unit. A bad form saves no agreement and no province row, and says why."""

import datetime

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement, AgreementProvince
from core.exceptions import NotPermitted, Refused
from partners.services import partner_set_status
from tests.factories import current_province, handing_department, old_province
from tests.pages import field_errors, flash_messages, form_errors

pytestmark = pytest.mark.django_db


def _counts():
    return Agreement.objects.count(), AgreementProvince.objects.count()


def _create(client, partner, province, start, end):
    return client.post(reverse("agreements:create"), {
        "partner": str(partner.pk), "title": "Bàn giao quyền sử dụng",
        "handing_department": str(handing_department().pk),
        "handing_representative": "Phạm Đức Long", "handing_title": "Cục trưởng",
        "receiving_representative": "Nguyễn Văn A", "receiving_title": "Giám đốc",
        "software_name": "Phần mềm Hồ sơ sức khỏe điện tử", "software_version": "2.1",
        "term_start": start, "term_end": end, "condition_set": "", "place": "Hà Nội",
        "provinces": [str(province.pk)]}, follow=True)


def _header(partner, **changes):
    return dict(partner=partner, provinces=[current_province("01")], handing_department=handing_department(),
                handing_representative="Phạm Đức Long", handing_title="Cục trưởng", receiving_representative="A",
                receiving_title="Giám đốc", software_version="2.1", term_start=datetime.date(2026, 1, 1),
                term_end=datetime.date(2027, 12, 31)) | changes


def test_a_valid_form_creates_the_draft_with_its_province_and_opens_its_edit_page(login, drafter, vnpt):
    response = _create(login(drafter), vnpt, current_province("01"), "01/01/2026", "31/12/2027")
    agreement = Agreement.objects.get()
    assert response.redirect_chain == [(reverse("agreements:edit", args=[agreement.pk]), 302)]
    assert flash_messages(response) == ["Draft created. Add its legal bases, clauses and the departments to ask."]
    assert (agreement.partner, agreement.status) == (vnpt, Agreement.Status.DRAFT)
    assert list(agreement.provinces.all()) == [current_province("01")]


def test_a_term_ending_before_it_starts_is_marked_by_its_end_and_nothing_is_saved(login, drafter, vnpt):
    response = _create(login(drafter), vnpt, current_province("01"), "01/01/2027", "31/12/2026")
    assert response.status_code == 200
    assert field_errors(response, "term_end") == ["The term must end after it starts."]
    assert _counts() == (0, 0)


def test_an_old_province_for_a_term_starting_in_2026_is_marked_and_nothing_is_saved(login, drafter, vnpt):
    response = _create(login(drafter), vnpt, old_province("02"), "01/01/2026", "31/12/2027")
    assert response.status_code == 200
    assert field_errors(response, "provinces") == [
        "Not in force when the term starts (01/01/2026): Hà Giang. Choose the provinces of that period."]
    assert _counts() == (0, 0)


def test_a_current_province_for_a_term_starting_in_2020_is_marked_and_nothing_is_saved(login, drafter, vnpt):
    response = _create(login(drafter), vnpt, current_province("08"), "01/01/2020", "31/12/2021")
    assert response.status_code == 200
    assert field_errors(response, "provinces") == [
        "Not in force when the term starts (01/01/2020): Tuyên Quang. Choose the provinces of that period."]
    assert _counts() == (0, 0)


def test_an_old_province_for_a_term_starting_before_the_reorganisation_is_accepted(login, drafter, vnpt):
    response = _create(login(drafter), vnpt, old_province("02"), "01/01/2024", "31/12/2026")
    assert response.redirect_chain[-1][1] == 302
    assert list(Agreement.objects.get().provinces.all()) == [old_province("02")]


def test_a_suspended_unit_is_not_offered_and_a_post_naming_it_saves_nothing(login, drafter, vnpt):
    partner_set_status(partner=vnpt, status="suspended", by=drafter, reason="Vi phạm bảo mật")
    client = login(drafter)
    assert vnpt not in client.get(reverse("agreements:create")).context["form"].fields["partner"].queryset
    response = _create(client, vnpt, current_province("01"), "01/01/2026", "31/12/2027")
    assert field_errors(response, "partner") == [
        "Select a valid choice. That choice is not one of the available choices."]
    assert _counts() == (0, 0)


def test_the_service_refuses_a_suspended_unit_with_its_reason(drafter, vnpt):
    suspended = partner_set_status(partner=vnpt, status="suspended", by=drafter, reason="Vi phạm bảo mật")
    with pytest.raises(Refused, match="VNPT-IT is suspended: only an active partner unit may take part."):
        services.agreement_create(by=drafter, **_header(suspended))
    assert _counts() == (0, 0)


def test_the_service_refuses_a_unit_suspended_after_the_caller_read_it(drafter, vnpt):
    partner_set_status(partner=vnpt, status="suspended", by=drafter, reason="Vi phạm bảo mật")
    with pytest.raises(Refused, match="VNPT-IT is suspended: only an active partner unit may take part."):
        services.agreement_create(by=drafter, **_header(vnpt))  # `vnpt` still reads "active" in memory
    assert _counts() == (0, 0)


def test_the_service_refuses_a_term_ending_before_it_starts(drafter, vnpt):
    with pytest.raises(Refused, match="The term must end after it starts."):
        services.agreement_create(by=drafter, **_header(vnpt, term_start=datetime.date(2027, 1, 1),
                                                        term_end=datetime.date(2026, 12, 31)))
    assert _counts() == (0, 0)


def test_a_drafter_creates_a_draft_through_the_service(drafter, vnpt):
    agreement = services.agreement_create(by=drafter, **_header(vnpt))
    assert (agreement.created_by, agreement.status) == (drafter, Agreement.Status.DRAFT)
    assert _counts() == (1, 1)


def test_a_partner_user_cannot_create_an_agreement_even_for_its_own_unit(vnpt, vnpt_user):
    with pytest.raises(NotPermitted, match="^Your roles do not allow starting minutes.$"):
        services.agreement_create(by=vnpt_user, **_header(vnpt))
    assert _counts() == (0, 0)


def test_a_partner_user_is_refused_the_new_agreement_page(login, vnpt_user):
    assert login(vnpt_user).get(reverse("agreements:create")).status_code == 403


def test_the_new_agreement_page_ignores_a_partner_id_in_unicode_digits(login, drafter, vnpt):
    # "²".isdigit() is true but int("²") raises: the page must treat it as no partner at all.
    response = login(drafter).get(reverse("agreements:create") + "?partner=²")
    assert response.status_code == 200
    assert response.context["form"].initial == {}
    assert form_errors(response) == []


def test_the_new_agreement_page_starts_from_the_partner_named_in_its_address(login, drafter, vnpt):
    response = login(drafter).get(reverse("agreements:create") + f"?partner={vnpt.pk}")
    assert response.context["form"].initial == {"partner": vnpt, "receiving_representative": "Nguyễn Văn A",
                                                "receiving_title": "Giám đốc"}
