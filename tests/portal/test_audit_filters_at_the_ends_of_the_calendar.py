"""A day at either end of the calendar in the timeline's filters is answered next to its field, on the
page and on both exports, never with an error page: the end of a period is counted to the start of the
next day, and no day follows 31/12/9999."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from core.models import AuditEntry

pytestmark = pytest.mark.django_db

MESSAGE = "Give a day from 01/01/1900 to 30/12/9999."


@pytest.mark.parametrize("url,status", [("audit", 200), ("audit_csv", 400), ("audit_xlsx", 400)])
@pytest.mark.parametrize("field,value", [("until", "31/12/9999"), ("since", "31/12/9999"), ("since", "01/01/0001"),
                                         ("until", "31/12/1899")])
def test_a_day_past_either_end_is_answered_next_to_its_field(login, auditor, url, status, field, value):
    response = login(auditor).get(reverse(url), {field: value})
    assert response.status_code == status
    assert list(response.context["form"].errors) == [field]
    assertContains(response, MESSAGE, status_code=status)
    assert not AuditEntry.objects.filter(kind=AuditEntry.Kind.EXPORT).exists()


@pytest.mark.parametrize("url", ["audit", "audit_csv", "audit_xlsx"])
def test_the_first_and_the_last_day_allowed_are_searched(login, auditor, url):
    response = login(auditor).get(reverse(url), {"since": "01/01/1900", "until": "30/12/9999"})
    assert response.status_code == 200
    assert AuditEntry.objects.filter(kind=AuditEntry.Kind.EXPORT).count() == (url != "audit")
