"""The history page shows each value in full: a change at the end of a long clause is seen, as the words
that went and came; and every row is named under the agreement's current name."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import draft, signed
from tests.portal.audit_pages import change_clause

pytestmark = pytest.mark.django_db
LONG = "Bên nhận chuyển giao bảo đảm an toàn thông tin của hồ sơ sức khỏe điện tử theo cấp độ 3. " * 4


def _page(client, agreement):
    response = client.get(reverse("agreements:history", args=[agreement.pk]))
    assert response.status_code == 200
    return response


def test_a_change_at_the_end_of_a_long_clause_shows_as_its_words(login, drafter, auditor):
    agreement = draft(by=drafter)
    change_clause(agreement, by=drafter, position=1, text=LONG + "trong 5 năm")
    change_clause(agreement, by=drafter, position=1, text=LONG + "trong 10 năm & hơn")
    response = _page(login(auditor), agreement)
    [text] = [c for c in response.context["entries"][0]["changes"] if c.label == "text"]
    assert text.diff.endswith("trong <del>5</del><ins>10</ins> năm<ins> &amp; hơn</ins>")
    assertContains(response, "<ins> &amp; hơn</ins>")


def test_a_short_value_is_shown_in_full_before_and_after(login, drafter, auditor):
    agreement = draft(by=drafter)
    change_clause(agreement, by=drafter, position=1, text="x" * 150)
    response = _page(login(auditor), agreement)
    [text] = [c for c in response.context["entries"][0]["changes"] if c.label == "text"]
    assert (text.new, text.diff) == ("x" * 150, None)
    assertNotContains(response, "…")


def test_every_row_goes_by_the_agreements_current_number(login, drafter, auditor):
    agreement = signed(by=drafter, number=2)
    response = _page(login(auditor), agreement)
    assert {e["name"].owner for e in response.context["entries"]} == {str(agreement)}
    assert str(agreement) == f"02/{agreement.symbol}"
