"""The hand-back pages: the list of obligations on the agreement's page and its own page, the partner's record and
the Ministry's answer through the forms (errors beside the fields, nothing half saved), the evidence download.
Another unit gets 404, a wrong role 403, a GET on an action 405; the page's queries do not grow with its rows."""

import pytest
from django.urls import reverse

from agreements.models import HandbackObligation
from core.models import DownloadRecord
from tests.agreements.handing_back import record, terminated_with_library_wording
from tests.core.page_queries import queries_for
from tests.factories import current_province
from tests.samples import image_bytes, stored_files, upload

K, St = HandbackObligation.Kind, HandbackObligation.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def ended(vnpt):
    return terminated_with_library_wording(partner=vnpt)


def url(agreement, name="handback", obligation=None):
    return reverse(f"agreements:{name}", args=[agreement.pk] + ([obligation.pk] if obligation else []))


def owed(agreement, kind=K.DATA):
    return agreement.handback_obligations.get(kind=kind)


def test_the_agreement_page_lists_the_obligations_and_the_minutes_of_termination(ended, drafter, login):
    page = login(drafter).get(ended.get_absolute_url())
    assert [o.kind for o in page.context["handback"]] == [o.kind for o in ended.handback_obligations.order_by(
        "due_on", "pk")]
    assert page.context["termination_minutes"].number_and_symbol == "01/BBCD-CNTT"


def test_the_partner_records_through_the_form(ended, vnpt_user, login):
    obligation = owed(ended)
    response = login(vnpt_user).post(url(ended, "handback_record", obligation), {
        f"record-{obligation.pk}-notes": "Đã bàn giao cơ sở dữ liệu.",
        f"record-{obligation.pk}-files": [upload("bien-ban.pdf")]})
    assert response.status_code == 302
    assert owed(ended).status == St.RECORDED


def test_a_record_without_a_file_shows_the_error_beside_the_field_and_saves_nothing(ended, vnpt_user, login):
    obligation, before = owed(ended), stored_files()
    response = login(vnpt_user).post(url(ended, "handback_record", obligation), {
        f"record-{obligation.pk}-notes": "Đã bàn giao."})
    form = next(o.record_form for o in response.context["handback"] if o.pk == obligation.pk)
    assert response.status_code == 400 and form.errors["files"]
    assert owed(ended).status == St.OPEN and stored_files() == before


def test_a_png_deletion_certificate_is_refused_on_the_form(ended, vnpt_user, login):
    obligation = owed(ended, K.DELETION_CERTIFICATE)
    response = login(vnpt_user).post(url(ended, "handback_record", obligation), {
        f"record-{obligation.pk}-notes": "Đã xóa.",
        f"record-{obligation.pk}-files": [upload("xac-nhan.png", image_bytes(), "image/png")]})
    form = next(o.record_form for o in response.context["handback"] if o.pk == obligation.pk)
    assert response.status_code == 409 and form.non_field_errors()
    assert owed(ended, K.DELETION_CERTIFICATE).status == St.OPEN


def test_the_ministry_confirms_and_returns_through_the_form(ended, vnpt_user, drafter, login):
    data, systems = record(owed(ended), vnpt_user), record(owed(ended, K.SYSTEMS), vnpt_user)
    client = login(drafter)
    assert client.post(url(ended, "handback_confirm", data), {}).status_code == 302
    response = client.post(url(ended, "handback_return", systems), {})
    form = next(o.decision_form for o in response.context["handback"] if o.pk == systems.pk)
    assert response.status_code == 409 and form.errors["notes"]
    assert client.post(url(ended, "handback_return", systems), {
        f"decide-{systems.pk}-notes": "Thiếu tài liệu"}).status_code == 302
    assert (owed(ended).status, owed(ended, K.SYSTEMS).status) == (St.CONFIRMED, St.RETURNED)


def test_wrong_roles_get_403_and_another_unit_404(ended, vnpt_user, vietsens_user, drafter, signer, login):
    data = record(owed(ended), vnpt_user)
    assert login(drafter).post(url(ended, "handback_record", owed(ended, K.SYSTEMS)), {}).status_code == 403
    assert login(vnpt_user).post(url(ended, "handback_confirm", data), {}).status_code == 403
    outsider = login(vietsens_user)
    assert outsider.get(url(ended)).status_code == 404
    assert outsider.post(url(ended, "handback_record", owed(ended, K.SYSTEMS)), {}).status_code == 404
    file_url = reverse("agreements:handback_file", args=[ended.pk, data.pk, data.files.get().pk])
    assert outsider.get(file_url).status_code == 404
    assert login(vnpt_user).get(url(ended, "handback_record", data)).status_code == 405


def test_an_obligation_of_other_minutes_answers_404(ended, vnpt, vnpt_user, login):
    other = terminated_with_library_wording(partner=vnpt, number=2, provinces=[current_province("04")])
    assert login(vnpt_user).post(url(ended, "handback_record", owed(other)), {}).status_code == 404


def test_the_evidence_download_is_recorded(ended, vnpt_user, drafter, login):
    data = record(owed(ended), vnpt_user)
    file_url = reverse("agreements:handback_file", args=[ended.pk, data.pk, data.files.get().pk])
    assert login(drafter).get(file_url).status_code == 200
    assert DownloadRecord.objects.filter(what=DownloadRecord.What.HANDBACK_EVIDENCE).exists()


def test_the_hand_back_page_is_flat_in_obligations_and_files(ended, vnpt_user, drafter, login,
                                                              django_assert_max_num_queries):
    client = login(drafter)
    record(owed(ended), vnpt_user)
    few = queries_for(client, url(ended))
    for obligation in ended.handback_obligations.exclude(kind=K.DATA):
        record(obligation, vnpt_user, uploads=[upload(f"tai-lieu-{n}.pdf") for n in range(4)])
    with django_assert_max_num_queries(few):
        page = client.get(url(ended))
    assert page.status_code == 200 and all(o.overdue is False for o in page.context["handback"])
