"""A service that takes fields by name sets only the fields its page edits: no caller can slip a
status, a number or a signing date past the lifecycle through it."""

import datetime

import pytest

from agreements import services as agreement_services
from agreements.models import Agreement, LegalDocument
from conditions import services as condition_services
from conditions.models import ConditionSet
from partners import services as partner_services
from partners.models import Partner
from tests.factories import condition_set, draft

pytestmark = pytest.mark.django_db


def test_a_drafts_header_cannot_carry_its_status_or_number(drafter):
    agreement = draft(by=drafter)
    with pytest.raises(TypeError, match="number, status"):
        agreement_services.agreement_update(agreement=agreement, by=drafter,
                                            header={"status": Agreement.Status.SIGNED, "number": 7})
    agreement.refresh_from_db()
    assert (agreement.status, agreement.number) == (Agreement.Status.DRAFT, None)


def test_a_new_draft_cannot_start_signed(drafter, vnpt):
    with pytest.raises(TypeError, match="signed_on"):
        agreement_services.agreement_create(by=drafter, partner=vnpt, signed_on=datetime.date(2026, 1, 1))
    assert not Agreement.objects.exists()


def test_a_profile_update_cannot_change_the_units_status(drafter, vnpt):
    with pytest.raises(TypeError, match="status"):
        partner_services.partner_update(partner=vnpt, by=drafter, status=Partner.Status.WITHDRAWN)
    vnpt.refresh_from_db()
    assert vnpt.status == Partner.Status.ACTIVE


def test_a_draft_condition_set_cannot_be_published_by_editing_it(assessor):
    drafted = condition_set(publish=False)
    with pytest.raises(TypeError, match="status"):
        condition_services.condition_set_update(condition_set=drafted, by=assessor,
                                                status=ConditionSet.Status.PUBLISHED)
    drafted.refresh_from_db()
    assert drafted.status == ConditionSet.Status.DRAFT


def test_a_library_entry_takes_only_its_own_fields(drafter):
    with pytest.raises(TypeError, match="id"):
        agreement_services.library_entry_save(by=drafter, entry=LegalDocument(), kind=LegalDocument.Kind.LAW,
                                              number="1/2026/QH15", name="Luật thử", id=999)
    assert not LegalDocument.objects.filter(number="1/2026/QH15").exists()


def test_the_fields_a_page_edits_are_set(drafter):
    agreement = draft(by=drafter)
    agreement_services.agreement_update(agreement=agreement, by=drafter, header={"software_version": "2.2"})
    agreement.refresh_from_db()
    assert agreement.software_version == "2.2"
