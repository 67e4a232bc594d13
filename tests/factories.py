"""Objects for the tests, built the way the product builds them: every write that a rule guards goes
through the services (partners, authority documents, members, condition sets, evidence, and
agreements in each state), so a test starts from data the product itself could have made.

Users, departments and provinces are configuration and are made directly."""

import datetime

import factory
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from agreements import services as agreement_services
from agreements.models import Agreement, Clause, LegalBasis, LegalDocument
from conditions import services as condition_services
from conditions.models import Condition, ConditionSet, Evidence
from core import audit, roles
from core.models import Department, Province, StaffProfile
from partners import services as partner_services
from partners.models import AuthorityDocument, Membership, Partner
from tests.samples import upload

TERM_START = datetime.date(2026, 1, 1)
TERM_END = datetime.date(2027, 12, 31)
SIGNED_ON = datetime.date(2025, 12, 20)
CATALOGUE_FROM = datetime.date(2025, 1, 1)
LETTER_DATE = datetime.date(2019, 8, 20)  # of the request letter 442/CNTT-TTUD the seed answers


# --- people ----------------------------------------------------------------------------------------

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


def clerk(role):
    """A background user holding one role, for the writes a test sets up but does not look at."""
    User = get_user_model()
    return User.objects.filter(username=f"clerk-{role}").first() or UserFactory(username=f"clerk-{role}",
                                                                               roles=[role])


def give_department(user, department):
    StaffProfile.objects.create(user=user, department=department)
    return user


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"D{n}")
    name = factory.Sequence(lambda n: f"Department {n}")


def handing_department():
    department, _ = Department.objects.get_or_create(
        code="CNTT", defaults={"name": "Cục Công nghệ thông tin", "is_handing_unit": True})
    return department


def review_department():
    department, _ = Department.objects.get_or_create(code="KHĐT",
                                                     defaults={"name": "Cục Khoa học công nghệ và Đào tạo"})
    return department


def current_province(code="01"):
    return Province.objects.get(code=code, valid_from__isnull=False)


def old_province(code="01"):
    return Province.objects.get(code=code, valid_from__isnull=True)


# --- partner units ---------------------------------------------------------------------------------

class PartnerFactory(factory.django.DjangoModelFactory):
    """PartnerFactory(short_name=...): registered through partner_create, by a drafter."""

    class Meta:
        model = Partner

    legal_name = factory.Sequence(lambda n: f"Công ty Cổ phần Công nghệ số {n}")
    short_name = factory.Sequence(lambda n: f"Partner {n}")
    tax_code = factory.Sequence(lambda n: f"{100000000 + n:010d}")
    address = "Hà Nội"
    representative_name = "Nguyễn Văn A"
    representative_title = "Giám đốc"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return partner_services.partner_create(by=clerk(roles.DRAFTER), **kwargs)


class AuthorityDocumentFactory(factory.django.DjangoModelFactory):
    """AuthorityDocumentFactory(partner=...): recorded through authority_document_add, by a drafter."""

    class Meta:
        model = AuthorityDocument

    partner = factory.SubFactory(PartnerFactory)
    kind = AuthorityDocument.Kind.CHARTER
    number = factory.Sequence(lambda n: f"{n}/QĐ")
    issued_on = datetime.date(2020, 1, 1)
    issuer = "Hội đồng quản trị"
    summary = "Điều lệ tổ chức và hoạt động"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return partner_services.authority_document_add(by=clerk(roles.DRAFTER), **kwargs)


def member(partner, username=None):
    """A partner user acting for `partner`, added by an administrator as on the partner's page."""
    user = UserFactory(username=username or f"member-{partner.pk}-{Membership.objects.count()}", roles=["partner"])
    partner_services.member_add(partner=partner, user=user, by=clerk(roles.ADMINISTRATOR))
    return user


def member_of(partner):
    """Any member of `partner`, made if it has none (who submits its evidence)."""
    existing = Membership.objects.filter(partner=partner).select_related("user").first()
    return existing.user if existing else member(partner)


# --- conditions and evidence -----------------------------------------------------------------------

def condition_set(*codes, optional=(), effective_from=CATALOGUE_FROM, validity_months=12, publish=True,
                  title="Điều kiện tham gia"):
    """A condition set with one condition per code (mandatory unless in `optional`), published
    through the services unless publish=False. Sets must be published in the order they take effect."""
    by = clerk(roles.ASSESSOR)
    made = condition_services.condition_set_create(by=by, title=title, effective_from=effective_from,
                                                   decision_number=f"{effective_from.year}{effective_from.month:02d}/QĐ-BYT",
                                                   decision_date=effective_from - datetime.timedelta(days=10))
    for position, code in enumerate(codes or ("PL-01",), start=1):
        condition_services.condition_save(condition_set=made, by=by, code=code, title=f"Điều kiện {code}",
                                          category=Condition.Category.LEGAL, mandatory=code not in optional,
                                          validity_months=validity_months, position=position)
    if publish:
        made = condition_services.condition_set_publish(condition_set=made, by=by)
    return made


def catalogue():
    """The set in force when the default term starts, or a new one-condition set if there is none."""
    return ConditionSet.objects.in_force_on(TERM_START) or condition_set()


def submit(partner, condition, *, by=None, uploads=None, statement="Hồ sơ chứng minh"):
    """Evidence submitted through the service by a member of the unit, with a real PDF."""
    return condition_services.evidence_submit(partner=partner, condition=condition, by=by or member_of(partner),
                                              statement=statement, uploads=uploads or [upload()])


def decide(evidence, decision, *, by=None, reason="", valid_from=None, valid_until=None):
    return condition_services.evidence_decide(evidence=evidence, by=by or clerk(roles.ASSESSOR), decision=decision,
                                              reason=reason, valid_from=valid_from, valid_until=valid_until)


def accept(partner, condition, *, valid_from=datetime.date(2020, 1, 1), valid_until=datetime.date(2030, 12, 31),
           by=None):
    """Accepted evidence for one condition, valid over the given days: submitted, then accepted."""
    return decide(submit(partner, condition), Evidence.Status.ACCEPTED, by=by, valid_from=valid_from,
                  valid_until=valid_until)


def meet(partner, condition_set=None):
    """Accepted evidence for every mandatory condition of the set (the catalogue by default)."""
    condition_set = condition_set or catalogue()
    for condition in condition_set.conditions.filter(mandatory=True):
        accept(partner, condition)
    return condition_set


# --- agreements in each state ----------------------------------------------------------------------

SIGNATORIES = dict(symbol="BB-CNTT", place="Hà Nội", handing_signatory="Phạm Đức Long",
                   handing_signatory_title="Cục trưởng", receiving_signatory="Nguyễn Văn A",
                   receiving_signatory_title="Giám đốc", receiving_signatory_honorific="Ông",
                   handing_sign_form="TL", handing_signed_for="Bộ trưởng")


def department_authority(department=None):
    """The library's instrument that lets `department` (the handing one) act for the Ministry."""
    department = department or handing_department()
    document = LegalDocument.objects.filter(department=department).first()
    if document is None:
        document = agreement_services.library_entry_save(
            by=clerk(roles.DRAFTER), entry=LegalDocument(), kind=LegalDocument.Kind.DECISION,
            number=f"{1000 + department.pk}/QĐ-BYT", issuer="Bộ trưởng Bộ Y tế", issued_on=datetime.date(2018, 5, 2),
            summary=f"quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của {department.name}",
            department=department, position=900)
    return document


def draft(*, by=None, partner=None, provinces=None, complete=True, term_start=TERM_START, term_end=TERM_END,
          software_name="Phần mềm Hồ sơ sức khỏe điện tử", condition_set=None, eligible=True):
    """Draft minutes made through the services. complete=True: they pass every check for review
    (a legal basis citing the partner's authority, every section, a province, a term, a department
    asked), and for signing when the partner is eligible under the condition set (the catalogue)."""
    by = by or clerk(roles.DRAFTER)
    partner = partner or PartnerFactory()
    if condition_set is None and complete:
        condition_set = meet(partner) if eligible else catalogue()
    agreement = agreement_services.agreement_create(
        by=by, partner=partner, provinces=(provinces if provinces is not None else [current_province("01")])
        if complete else [], handing_department=handing_department(), handing_representative="Phạm Đức Long",
        handing_title="Cục trưởng", handing_honorific="Ông", receiving_honorific="Bà",
        receiving_representative=partner.representative_name,
        receiving_title=partner.representative_title, software_name=software_name, software_version="2.1",
        term_start=term_start if complete else None, term_end=term_end if complete else None,
        condition_set=condition_set)
    if not complete:
        return agreement
    document = AuthorityDocumentFactory(partner=partner)
    Row = agreement_services.Row
    agreement = agreement_services.agreement_update(
        agreement=agreement, by=by,
        legal_bases=[Row(None, {"position": 1, "kind": LegalBasis.Kind.LAW, "citation": "Luật Công nghệ thông tin"}),
                     Row(None, {"position": 2, "authority_document": document, "citation": ""})],
        clauses=[Row(None, {"position": position, "section": section, "heading": section,
                            "text": f"Nội dung {section}"}) for position, section in enumerate(Clause.Section.values)],
        review_requests=[Row(None, asking(review_department()))])
    agreement_services.agreement_add_from_library(agreement=agreement, by=by,
                                                  legal_documents=[department_authority(agreement.handing_department)])
    return agreement


def asking(department=None, *, letter_number="442/CNTT-TTUD", due_in_days=14, **values):
    """The values of one addressee's row: a department, or the receiving party (department None); the
    request letter dated long ago (it may be sent on any later day) and the answer due `due_in_days` after
    today."""
    due_on = timezone.localdate() + datetime.timedelta(days=due_in_days)
    return {"department": department, "to_partner": department is None, "letter_number": letter_number,
            "letter_date": LETTER_DATE, "due_on": due_on, **values}


def in_review(*, by=None, **kwargs):
    """Complete minutes sent for review."""
    agreement = draft(by=by, **kwargs)
    return agreement_services.agreement_send_for_review(agreement=agreement, by=by or clerk(roles.DRAFTER))


def reviewer_of(department):
    """A reviewer acting for `department` (made once per department)."""
    User = get_user_model()
    user = User.objects.filter(username=f"reviewer-{department.code}").first()
    if user is None:
        user = give_department(UserFactory(username=f"reviewer-{department.code}", roles=[roles.REVIEWER]),
                               department)
    return user


def opinion(request, *, by=None, position="agree", comments=(), general_comment="", letter_number=None,
            correction_reason=""):
    """An opinion recorded through the service, on the version the addressee was sent."""
    if by is None:
        by = member_of(request.agreement.partner) if request.to_partner else reviewer_of(request.department)
    return agreement_services.opinion_record(
        request=request, by=by, letter_number=letter_number or f"{100 + request.pk}/KHĐT-VP",
        letter_date=timezone.localdate(), signatory="Nguyễn Minh Lợi", signatory_title="Cục trưởng",
        position=position, letter=upload("cong-van.pdf"), general_comment=general_comment, comments=comments,
        correction_reason=correction_reason)


def agreed(agreement):
    """Every addressee agrees with the version in review."""
    for request in agreement.review_requests.select_related("department", "agreement__partner"):
        opinion(request)
    return agreement


def on_day(day):
    """The clock at noon in Hà Nội on `day`, moving on from there, for what happens on that day."""
    return time_machine.travel(timezone.make_aware(datetime.datetime.combine(day, datetime.time(12))))


def signed(*, by=None, signer=None, number=1, signed_on=SIGNED_ON, symbol="BB-CNTT", **kwargs):
    """Minutes drafted, sent and signed on `signed_on`, the signing recorded that day (the gate judges
    that day too), with their copy rendered and stored at signing."""
    with on_day(signed_on):
        agreement = agreed(in_review(by=by, **kwargs))
        agreement = agreement_services.agreement_sign(agreement=agreement, by=signer or clerk(roles.SIGNER),
                                                      number=number, signed_on=signed_on,
                                                      **{**SIGNATORIES, "symbol": symbol})
        # In use, the signing's audit entries join the chain as its transaction commits; a test's
        # transaction never commits, so they are linked here, as the commit would.
        audit.link()
        return agreement


def terminated(*, by=None, terminated_on=datetime.date(2026, 6, 30), reason_code="term_ended", notes="", **kwargs):
    agreement = signed(by=by, **kwargs)
    return agreement_services.agreement_terminate(agreement=agreement, by=by or clerk(roles.DRAFTER),
                                                  terminated_on=terminated_on, reason_code=reason_code, notes=notes)


def cancelled(*, by=None, cancelled_on=datetime.date(2025, 12, 1), notes="", **kwargs):
    agreement = draft(by=by, **kwargs)
    return agreement_services.agreement_cancel(agreement=agreement, by=by or clerk(roles.DRAFTER),
                                               cancelled_on=cancelled_on, notes=notes)


def agreement_in(status, **kwargs):
    """Minutes in `status`, reached through the real services (one in review has every addressee's opinion in,
    so any action from review may be taken; a cancelled one was a draft)."""
    S = Agreement.Status
    made = {S.DRAFT: draft, S.REVIEW: lambda **kw: agreed(in_review(**kw)), S.SIGNED: signed,
            S.TERMINATED: terminated, S.CANCELLED: cancelled}
    return made[status](**kwargs)
