"""Minimal valid objects. Writes that enforce rules go through the services, as in the product."""

import datetime

import factory
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from agreements import services as agreement_services
from agreements.models import Clause, LegalBasis, ReviewRequest
from conditions.models import Condition, ConditionSet, Evidence
from core.models import Department, Province, StaffProfile
from partners import services as partner_services
from partners.models import AuthorityDocument, Partner

TERM_START = datetime.date(2026, 1, 1)
TERM_END = datetime.date(2027, 12, 31)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "pw")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))
        self.save()


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"D{n}")
    name = factory.Sequence(lambda n: f"Department {n}")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    legal_name = factory.Sequence(lambda n: f"Công ty Cổ phần Công nghệ số {n}")
    short_name = factory.Sequence(lambda n: f"Partner {n}")
    tax_code = factory.Sequence(lambda n: f"{100000000 + n:010d}")
    address = "Hà Nội"
    representative_name = "Nguyễn Văn A"
    representative_title = "Giám đốc"


class AuthorityDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuthorityDocument

    partner = factory.SubFactory(PartnerFactory)
    kind = AuthorityDocument.Kind.CHARTER
    number = factory.Sequence(lambda n: f"{n}/QĐ")
    issued_on = datetime.date(2020, 1, 1)
    issuer = "Hội đồng quản trị"
    summary = "Điều lệ tổ chức và hoạt động"


class ConditionSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConditionSet

    version = factory.Sequence(lambda n: n + 100)
    title = "Điều kiện"
    effective_from = datetime.date(2025, 1, 1)
    status = ConditionSet.Status.PUBLISHED


class ConditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Condition

    condition_set = factory.SubFactory(ConditionSetFactory)
    code = factory.Sequence(lambda n: f"C-{n}")
    title = "Điều kiện"
    category = Condition.Category.LEGAL


def current_province(code="01"):
    return Province.objects.get(code=code, valid_from__isnull=False)


def old_province(code="01"):
    return Province.objects.get(code=code, valid_from__isnull=True)


def handing_department():
    department, _ = Department.objects.get_or_create(
        code="CNTT", defaults={"name": "Cục Công nghệ thông tin", "is_handing_unit": True})
    return department


def review_department():
    department, _ = Department.objects.get_or_create(code="KHĐT",
                                                     defaults={"name": "Cục Khoa học công nghệ và Đào tạo"})
    return department


def accept_evidence(partner, condition, *, by=None, valid_from=datetime.date(2020, 1, 1),
                    valid_until=datetime.date(2030, 12, 31)):
    """Accepted evidence for one condition, valid over the given days."""
    by = by or UserFactory()
    return Evidence.objects.create(partner=partner, condition=condition, statement="Hồ sơ chứng minh",
                                   submitted_by=by, status=Evidence.Status.ACCEPTED, decided_by=by,
                                   valid_from=valid_from, valid_until=valid_until)


def eligible_under(partner, condition_set=None):
    """A published condition set (one mandatory condition by default) that `partner` fully meets."""
    condition_set = condition_set or ConditionFactory(mandatory=True).condition_set
    for condition in condition_set.conditions.filter(mandatory=True):
        accept_evidence(partner, condition)
    return condition_set


def make_agreement(*, by, partner=None, provinces=None, complete=True, term_start=TERM_START, term_end=TERM_END,
                   software_name="Phần mềm Hồ sơ sức khỏe điện tử", condition_set=None, eligible=True):
    """A draft; with complete=True it passes every check for review, and for signing when
    the partner is eligible under its condition set."""
    partner = partner or PartnerFactory()
    if condition_set is None and complete:
        condition_set = eligible_under(partner) if eligible else ConditionFactory(mandatory=True).condition_set
    provinces = provinces if provinces is not None else [current_province("01")]
    agreement = agreement_services.agreement_create(
        by=by, provinces=provinces if complete else [], partner=partner, handing_department=handing_department(),
        handing_representative="Phạm Đức Long", handing_title="Cục trưởng",
        receiving_representative=partner.representative_name, receiving_title=partner.representative_title,
        software_name=software_name, software_version="2.1",
        term_start=term_start if complete else None, term_end=term_end if complete else None,
        condition_set=condition_set)
    if complete:
        document = AuthorityDocumentFactory(partner=partner)
        LegalBasis.objects.create(agreement=agreement, position=1, kind="law", citation="Luật Công nghệ thông tin")
        LegalBasis.objects.create(agreement=agreement, position=2, kind="authority", citation=document.citation(),
                                  authority_document=document)
        for position, section in enumerate(Clause.Section.values):
            Clause.objects.create(agreement=agreement, section=section, position=position, heading=section,
                                  text=f"Nội dung {section}")
        ReviewRequest.objects.create(agreement=agreement, department=review_department(),
                                     letter_number="442/CNTT-TTUD")
    return agreement


SIGN_DEFAULTS = dict(symbol="BB-CNTT", place="Hà Nội", handing_signatory="Phạm Đức Long",
                     handing_signatory_title="Cục trưởng", receiving_signatory="Nguyễn Văn A",
                     receiving_signatory_title="Giám đốc")


def make_signed(*, by, number=1, signed_on=datetime.date(2025, 12, 20), **kwargs):
    """Signed minutes, the signing recorded on the day it happened (the gate judges that day too)."""
    agreement = make_agreement(by=by, **kwargs)
    agreement_services.agreement_send_for_review(agreement=agreement, by=by)
    with pytest.MonkeyPatch.context() as clock:
        clock.setattr(timezone, "localdate", lambda *args, **kw: max(signed_on, datetime.date(2025, 12, 20)))
        return agreement_services.agreement_sign(agreement=agreement, by=by, number=number, signed_on=signed_on,
                                                 **SIGN_DEFAULTS)


def make_member(partner, username):
    user = UserFactory(username=username, roles=["partner"])
    clerk = get_user_model().objects.filter(username="member-clerk").first() or UserFactory(
        username="member-clerk", roles=["administrator"])
    partner_services.member_add(partner=partner, user=user, by=clerk)
    return user


def give_department(user, department):
    StaffProfile.objects.create(user=user, department=department)
    return user
