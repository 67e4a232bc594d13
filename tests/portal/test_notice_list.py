"""notices/: each user reads their own notices only, newest first, the unread marked, each with its
link, in their language; notices/read/ (POST only) marks one of their own, or all, as read."""

import pytest
from django.urls import reverse

from core import notices
from core.models import Notification
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
EVIDENCE = {"partner": "VNPT-IT", "code": "PL-01", "title": "Giấy phép", "reason": "Thiếu dấu", "valid_from": "",
            "valid_until": ""}


def tell(user, n, kind="evidence_rejected"):
    """The notice of event n: evidence n of VNPT-IT rejected."""
    notices.notify([user], kind=kind, key=f"{kind}:{n}", params={**EVIDENCE, "code": f"PL-{n:02d}"},
                   url=f"/conditions/evidence/{n}/")
    return Notification.objects.get(user=user, key=f"{kind}:{n}")


def _unread(user):
    return sorted(Notification.objects.filter(user=user, read_at__isnull=True).values_list("key", flat=True))


def test_the_list_shows_my_notices_newest_first_with_their_links(login, vnpt_user, vietsens_user):
    tell(vnpt_user, 1), tell(vnpt_user, 2), tell(vietsens_user, 3)
    page = login(vnpt_user).get(reverse("notices"))
    assert page.status_code == 200
    text = page.content.decode()
    assert text.index("VNPT-IT: evidence for PL-02 rejected") < text.index("VNPT-IT: evidence for PL-01 rejected")
    assert 'href="/conditions/evidence/2/"' in text and 'href="/conditions/evidence/1/"' in text
    assert "PL-03" not in text and "/conditions/evidence/3/" not in text


def test_unread_notices_are_marked_and_read_ones_are_not(login, vnpt_user):
    read, unread = tell(vnpt_user, 1), tell(vnpt_user, 2)
    notices.mark_read(vnpt_user, [read.pk])
    text = login(vnpt_user).get(reverse("notices")).content.decode()
    assert f'<div class="card notice unread" id="notice-{unread.pk}">' in text
    assert f'<div class="card notice" id="notice-{read.pk}">' in text
    assert text.count('<span class="badge pending">New</span>') == 1


def test_a_reader_who_never_chose_a_language_reads_the_list_in_vietnamese(login, vnpt_user):
    tell(vnpt_user, 1)
    response = login(vnpt_user, language=None).get(reverse("notices"))
    assert response.status_code == 200 and '<html lang="vi">' in response.content.decode()


def test_marking_one_notice_read_leaves_the_others_unread(login, vnpt_user):
    one, _two = tell(vnpt_user, 1), tell(vnpt_user, 2)
    response = login(vnpt_user).post(reverse("notices_read"), {"id": one.pk, "next": "/notices/?page=1"})
    assert response.status_code == 302 and response["Location"] == "/notices/?page=1"
    assert _unread(vnpt_user) == ["evidence_rejected:2"]


def test_marking_all_read_marks_only_mine(login, vnpt_user, vietsens_user):
    tell(vnpt_user, 1), tell(vnpt_user, 2), tell(vietsens_user, 3)
    response = login(vnpt_user).post(reverse("notices_read"))
    assert response.status_code == 302 and response["Location"] == reverse("notices")
    assert _unread(vnpt_user) == [] and _unread(vietsens_user) == ["evidence_rejected:3"]


def test_posting_another_users_notice_changes_nothing(login, vnpt_user, vietsens_user):
    theirs = tell(vietsens_user, 3)
    response = login(vnpt_user).post(reverse("notices_read"), {"id": theirs.pk})
    assert response.status_code == 302
    assert _unread(vietsens_user) == ["evidence_rejected:3"]


@pytest.mark.parametrize("back", ["https://evil.example/", "//evil.example/", "dashboard", ""])
def test_it_goes_back_only_to_a_page_of_this_site(login, vnpt_user, back):
    response = login(vnpt_user).post(reverse("notices_read"), {"next": back})
    assert response.status_code == 302 and response["Location"] == reverse("notices")


def test_reading_is_post_only(login, vnpt_user):
    tell(vnpt_user, 1)
    response = login(vnpt_user).get(reverse("notices_read"))
    assert response.status_code == 405
    assert _unread(vnpt_user) == ["evidence_rejected:1"]


def test_a_visitor_not_signed_in_is_sent_to_the_login_page(client):
    response = client.get(reverse("notices"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_list_is_paginated(login):
    reader = UserFactory()
    for n in range(1, 28):
        tell(reader, n)
    client = login(reader)
    first, second = client.get(reverse("notices")).content.decode(), client.get(reverse("notices"), {"page": 2})
    assert "PL-27" in first and "PL-03" in first and "PL-02" not in first
    assert "PL-02" in second.content.decode() and "Page 2 of 2" in second.content.decode()
