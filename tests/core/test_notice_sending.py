"""core.notices.notify: a person is told of an event once, in the app and by one mail to their address
alone, sent only once the transaction commits; inactive accounts are not told."""

import logging

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from core import notices
from core.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PARAMS = {"partner": "VNPT-IT", "code": "PL-01", "title": "Giấy phép", "reason": "Thiếu dấu", "valid_from": "",
          "valid_until": ""}


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


def _notify(users, key="evidence_rejected:1", url="/conditions/evidence/1/"):
    return notices.notify(users, kind="evidence_rejected", key=key, params=PARAMS, url=url)


def test_each_person_gets_one_notice_and_one_mail_of_their_own(django_capture_on_commit_callbacks, mailoutbox):
    an, binh = UserFactory(email="an@example.vn"), UserFactory(email="binh@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify([an, binh, an]) == [an, binh]
    assert sorted(Notification.objects.values_list("user__email", "kind", "url")) == [
        ("an@example.vn", "evidence_rejected", "/conditions/evidence/1/"),
        ("binh@example.vn", "evidence_rejected", "/conditions/evidence/1/")]
    assert sorted(m.to for m in mailoutbox) == [["an@example.vn"], ["binh@example.vn"]]
    assert "VNPT-IT" in mailoutbox[0].subject and "PL-01" in mailoutbox[0].subject


def test_an_event_notified_again_tells_nobody_twice(django_capture_on_commit_callbacks, mailoutbox):
    an = UserFactory(email="an@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        _notify([an])
        assert _notify([an]) == []
    assert Notification.objects.count() == 1 and len(mailoutbox) == 1


def test_another_event_of_the_same_kind_is_told(django_capture_on_commit_callbacks, mailoutbox):
    an = UserFactory(email="an@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        _notify([an], key="evidence_rejected:1")
        _notify([an], key="evidence_rejected:2")
    assert Notification.objects.count() == 2 and len(mailoutbox) == 2


def test_two_people_sharing_an_address_get_one_mail(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        _notify([UserFactory(email="phong@example.vn"), UserFactory(email="Phong@Example.vn")])
    assert Notification.objects.count() == 2 and len(mailoutbox) == 1


def test_someone_without_an_address_is_told_in_the_app_only(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        _notify([UserFactory(email="")])
    assert Notification.objects.count() == 1 and mailoutbox == []


def test_an_inactive_account_is_not_told(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify([UserFactory(email="gone@example.vn", is_active=False), None]) == []
    assert not Notification.objects.exists() and mailoutbox == []


def test_nothing_is_mailed_or_kept_when_the_change_is_rolled_back(django_capture_on_commit_callbacks, mailoutbox):
    an = UserFactory(email="an@example.vn")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ZeroDivisionError):
        with transaction.atomic():
            _notify([an])
            1 / 0
    assert not Notification.objects.exists() and mailoutbox == []


def test_a_mail_server_failing_after_the_commit_is_logged_and_the_notice_stays(
        settings, django_capture_on_commit_callbacks, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailServer"
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        _notify([UserFactory(email="an@example.vn")])
    assert "the mail server is down" in caplog.text
    assert Notification.objects.count() == 1


def test_the_link_in_the_mail_is_absolute_when_the_site_address_is_set(
        settings, django_capture_on_commit_callbacks, mailoutbox):
    settings.PUBLIC_BASE_URL = "https://hssk.moh.gov.vn/"
    with django_capture_on_commit_callbacks(execute=True):
        _notify([UserFactory(email="an@example.vn")])
    assert mailoutbox[0].body.endswith(" https://hssk.moh.gov.vn/conditions/evidence/1/")
    assert Notification.objects.get().url == "/conditions/evidence/1/"
