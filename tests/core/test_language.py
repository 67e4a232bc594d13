"""The interface is Vietnamese unless the user chooses English with the language switch, whatever the
browser asks; messages, error pages and dates follow (dates always as dd/mm/yyyy)."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertTemplateUsed

from tests.factories import draft
from tests.pages import flash_messages
from tests.sessions import sign_in

pytestmark = pytest.mark.django_db


def test_the_login_page_is_vietnamese_whatever_the_browser_asks(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.context["LANGUAGE_CODE"] == "vi"
    assertContains(response, "<h1>Đăng nhập</h1>", html=True)


def test_the_language_switch_shows_english(client, drafter):
    sign_in(client, drafter)
    assert client.post(reverse("set_language"), {"language": "en", "next": "/"}).status_code == 302
    response = client.get(reverse("agreements:list"))
    assert response.context["LANGUAGE_CODE"] == "en"
    assertContains(response, "<h1>Handover agreements</h1>", html=True)


def test_a_user_who_never_chose_reads_vietnamese(login, drafter):
    response = login(drafter, language=None).get(reverse("agreements:list"))
    assertContains(response, "<h1>Biên bản bàn giao</h1>", html=True)


def test_dates_show_as_day_month_year(login, drafter):
    agreement = draft(by=drafter)
    response = login(drafter).get(reverse("agreements:detail", args=[agreement.pk]))
    assertContains(response, "<dd>01/01/2026 – 31/12/2027</dd>", html=True)


def test_the_message_after_a_transition_is_in_the_users_language(login, drafter):
    agreement = draft(by=drafter)
    response = login(drafter).post(reverse("agreements:transition", args=[agreement.pk, "send"]), {"reason": ""},
                                   follow=True)
    assert flash_messages(response) == ["Sent for review."]


def test_the_message_after_a_transition_is_vietnamese_by_default(login, drafter):
    agreement = draft(by=drafter)
    response = login(drafter, language=None).post(reverse("agreements:transition", args=[agreement.pk, "send"]),
                                                  {"reason": ""}, follow=True)
    assert flash_messages(response) == ["Đã gửi xin ý kiến."]


def test_the_not_found_page_is_the_sites_own_and_in_vietnamese(login, vnpt_user, vietsens):
    agreement = draft(partner=vietsens)
    response = login(vnpt_user, language=None).get(reverse("agreements:detail", args=[agreement.pk]))
    assertTemplateUsed(response, "404.html")
    assertContains(response, "<h1>Không tìm thấy</h1>", html=True, status_code=404)
