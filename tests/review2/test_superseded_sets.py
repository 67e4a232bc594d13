"""A published set that has been superseded from a later day is still the set in force until then."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements import services as agreement_services
from agreements.models import Agreement
from conditions import services
from conditions.models import Condition, ConditionSet
from core.exceptions import Refused
from tests.eligibility.conftest import submit
from tests.factories import SIGN_DEFAULTS, ConditionFactory, accept_evidence, make_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def next_version(assessor, condition_set):
    """Version 2 published today, taking effect in 60 days: `condition_set` stays in force until then."""
    later = services.condition_set_create(by=assessor, title="v2", copy_from=condition_set,
                                          effective_from=timezone.localdate() + datetime.timedelta(days=60))
    return services.condition_set_publish(condition_set=later, by=assessor)


def test_the_old_set_is_still_in_force_but_partners_cannot_submit_evidence_for_it(next_version, condition_set,
                                                                                   vnpt, vnpt_user, codes):
    assert ConditionSet.objects.in_force_on(timezone.localdate()) == condition_set
    try:
        submit(vnpt, Condition.objects.get(pk=codes["PL-01"].pk), vnpt_user)  # as the view reads it
    except Refused as refused:
        pytest.fail(f"evidence for the set in force today is refused: {refused.reasons}")


def test_the_partner_page_offers_a_submit_button_for_the_set_in_force(next_version, as_user, vnpt, vnpt_user, codes):
    page = as_user(vnpt_user).get(reverse("conditions:partner_eligibility", args=[vnpt.pk])).content.decode()
    assert reverse("conditions:submit", args=[vnpt.pk, codes["PL-01"].pk]) in page


def test_signing_under_a_set_no_longer_in_force_on_the_signing_day_is_refused(drafter, assessor, vnpt):
    old = ConditionFactory(mandatory=True, condition_set__effective_from=datetime.date(2020, 1, 1)).condition_set
    accept_evidence(vnpt, old.conditions.get())  # meets the old, lax catalogue only
    new = services.condition_set_create(by=assessor, title="v2", effective_from=datetime.date(2025, 1, 1))
    services.condition_save(condition_set=new, by=assessor, code="ATTT-01", title="Cấp độ 3", category="security",
                            mandatory=True, validity_months=12)
    services.condition_set_publish(condition_set=new, by=assessor)
    agreement = make_agreement(by=drafter, partner=vnpt, condition_set=old)  # the form offers superseded sets
    agreement_services.agreement_send_for_review(agreement=agreement, by=drafter)
    with pytest.raises(Refused):
        agreement_services.agreement_sign(agreement=agreement, by=drafter, number=7,
                                          signed_on=datetime.date(2025, 12, 20), **SIGN_DEFAULTS)
    assert Agreement.objects.get(pk=agreement.pk).status == Agreement.Status.REVIEW
