"""The auditors' timeline: every entry of the record in one list, newest first, saying who did what to
which object, named the same way everywhere, each field old → new in full, a long text as a word diff."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertInHTML

from agreements import services
from tests.factories import draft, signed
from tests.portal.audit_pages import change_clause, rows, timeline

pytestmark = pytest.mark.django_db

LONG = "Bên nhận chuyển giao cam kết bảo mật dữ liệu sức khỏe của người dân. " * 5


def test_a_change_says_who_when_which_field_from_what_to_what_and_why(login, drafter, auditor, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "2.5"},
                              reason="Cập nhật phiên bản")
    newest = rows(login(auditor), event="change")[0]
    assert (newest.who, newest.event, newest.action, newest.reason) == (
        drafter.get_full_name() or drafter.username, "Change", "Changed", "Cập nhật phiên bản")
    assert [(c.label, c.old, c.new) for c in newest.changes] == [("software version", "2.1", "2.5")]
    assert len(newest.when) == len("28/11/2026 12:00") and newest.when[2] == "/"


def test_an_agreements_records_are_named_under_its_current_name(login, drafter, auditor, vnpt):
    agreement = draft(by=drafter, partner=vnpt)
    change_clause(agreement, by=drafter, position=1, text="Nội dung mới")
    response = timeline(login(auditor), event="change")
    clause = response.context["rows"][0]
    assert (clause.name.owner, str(clause.name.kind)) == (f"Draft #{agreement.pk} — VNPT-IT", "clause")
    assertContains(response, f'<a href="/agreements/{agreement.pk}/">Draft #{agreement.pk} — VNPT-IT</a>', html=True)


def test_once_numbered_every_record_of_the_agreement_goes_by_its_number(login, drafter, auditor, vnpt):
    agreement = signed(by=drafter, partner=vnpt, number=2)
    owners = {row.name.owner for row in rows(login(auditor)) if row.entry.agreement_id == agreement.pk}
    assert owners == {str(agreement)} and str(agreement).startswith("02/")


def test_a_long_clause_shows_the_words_that_went_and_came_in_full(login, drafter, auditor):
    agreement = draft(by=drafter)
    change_clause(agreement, by=drafter, position=1, text=LONG)
    change_clause(agreement, by=drafter, position=1, text=LONG + "Hết <hạn> sau năm năm.")
    response = timeline(login(auditor), event="change")
    [text] = [c for c in response.context["rows"][0].changes if c.label == "text"]
    assert text.diff.endswith("<ins>Hết &lt;hạn&gt; sau năm năm.</ins>")
    assertContains(response, LONG.strip()[-60:])


def test_a_failed_login_names_the_username_tried(client, auditor, login):
    client.post(reverse("login"), {"username": "khong-co-ai", "password": "sai"})
    [failed] = [row for row in rows(login(auditor), event="login") if row.entry.kind == "login_failed"]
    assert (failed.who, failed.event) == ("khong-co-ai", "Failed login")


def test_a_download_of_signed_minutes_is_named_under_their_number(login, drafter, auditor, vnpt):
    agreement = signed(by=drafter, partner=vnpt, number=2)
    login(drafter).get(reverse("agreements:pdf", args=[agreement.pk]))
    download = rows(login(auditor), event="download")[0]
    assert (download.name.owner, download.name.kind) == (str(agreement), "Signed minutes")


def test_the_page_escapes_what_people_typed(login, drafter, auditor):
    agreement = draft(by=drafter)
    services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "<b>3</b>"},
                              reason="<script>x</script>")
    response = timeline(login(auditor), event="change")
    assertContains(response, "&lt;script&gt;x&lt;/script&gt;")
    assertInHTML("<li><strong>software version</strong>: 2.1 → &lt;b&gt;3&lt;/b&gt;</li>", response.content.decode())
