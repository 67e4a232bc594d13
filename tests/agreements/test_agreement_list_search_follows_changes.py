"""What the list's search finds follows the agreement as it changes: a partner renamed on its edit page,
a draft's provinces changed, minutes signed under a number."""

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from agreements import services
from partners.models import Partner
from tests.agreements.listing_pages import listed
from tests.factories import SIGNATORIES, SIGNED_ON, agreed, clerk, current_province, draft, in_review, on_day

pytestmark = pytest.mark.django_db


def _renamed_on_its_page(client, partner, short_name):
    fields = {name: value for name, value in model_to_dict(partner, fields=Partner.PROFILE_FIELDS).items()
              if value is not None}
    response = client.post(reverse("partners:edit", args=[partner.pk]), {**fields, "short_name": short_name})
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.short_name == short_name


def test_a_partner_renamed_is_found_by_its_new_name_and_no_longer_by_the_old(login, drafter, vnpt):
    agreement = draft(partner=vnpt)
    client = login(drafter)
    assert listed(client, "q=vnpt-it") == [agreement]
    _renamed_on_its_page(client, vnpt, "Sông Hồng Số")
    assert listed(client, "q=song hong so") == [agreement]
    assert listed(client, "q=it") == []


def test_a_drafts_new_province_is_found_and_the_one_removed_is_not(login, drafter, vnpt):
    agreement = draft(partner=vnpt, provinces=[current_province("01"), current_province("15")])
    client = login(drafter)
    assert listed(client, "q=ha noi") == [agreement]
    services.agreement_update(agreement=agreement, by=drafter, provinces=[current_province("15")])  # one removed
    assert listed(client, "q=ha noi") == []
    assert listed(client, "q=lao cai") == [agreement]
    services.agreement_update(agreement=agreement, by=drafter, provinces=[current_province("66")])
    assert listed(client, "q=dak lak") == [agreement]
    assert listed(client, "q=lao cai") == []


def test_minutes_signed_under_a_number_are_found_by_it(login, drafter, vnpt):
    agreement = agreed(in_review(partner=vnpt))
    client = login(drafter)
    assert listed(client, "q=07/BB-CNTT") == []
    assert listed(client, "q=07 bb cntt") == []
    with on_day(SIGNED_ON):
        services.agreement_sign(agreement=agreement, by=clerk("signer"), number=7, signed_on=SIGNED_ON,
                                **SIGNATORIES)
    assert listed(client, "q=07/BB-CNTT") == [agreement]
    assert listed(client, "q=07 bb cntt") == [agreement]
