"""One object of each kind a page shows, as in the demo: VNPT's wherever a partner owns it, so that
vietsens_user is the outsider who must get 404."""

import datetime
import functools

import pytest
from django.test import Client
from django.urls import reverse

from agreements import deployment_watch, eligibility_watch
from agreements import services as agreement_services
from agreements.models import Clause, ClauseTemplate, LegalDocument
from conditions import services as condition_services
from conditions.models import Evidence
from core import ratelimit, roles
from core.models import DownloadRecord, Province
from partners.models import Membership
from tests.agreements.handing_back import record, terminated_with_library_wording
from tests.agreements.refusing import file_request
from tests.factories import (
    AuthorityDocumentFactory,
    PartnerFactory,
    accept,
    clerk,
    current_province,
    decide,
    draft,
    member,
    member_of,
    opinion,
    signed,
    submit,
)
from tests.samples import upload


@pytest.fixture
def personas(drafter, reviewer, assessor, signer, auditor, administrator, superuser, vnpt_user, vietsens_user):
    """Everyone the pages answer differently, by fixture name; "anonymous" is a visitor not signed in."""
    return {"anonymous": None, "drafter": drafter, "reviewer": reviewer, "assessor": assessor, "signer": signer,
            "auditor": auditor, "administrator": administrator, "superuser": superuser, "vnpt_user": vnpt_user,
            "vietsens_user": vietsens_user}


@pytest.fixture
def vnpt_objects(vnpt, vnpt_user, vietsens_user, drafter, reviewer):
    """A VNPT draft that was sent twice to the reviewer's department, whose opinion on v1 carries a
    comment, and returned (so the reviewer has read it, there is a change between versions to show, and
    a drafter may still edit it), VNPT's evidence awaiting assessment under the catalogue (it met the
    catalogue before) with its file, an authority document with its file, VNPT's member, and a standard
    clause of the library."""
    agreement = draft(partner=vnpt)
    agreement_services.agreement_send_for_review(agreement=agreement, by=drafter)
    request = agreement.review_requests.select_related("department", "agreement__partner").get()
    given = opinion(request, by=reviewer, position="agree_with_comments", general_comment="Bổ sung căn cứ")
    agreement_services.agreement_return_for_revision(agreement=agreement, by=drafter, reason="Tiếp thu ý kiến")
    agreement_services.agreement_send_for_review(agreement=agreement, by=drafter)
    agreement = agreement_services.agreement_return_for_revision(agreement=agreement, by=drafter,
                                                                 reason="Tiếp thu ý kiến")
    condition_set = agreement.condition_set
    evidence = submit(vnpt, condition_set.conditions.get(), by=vnpt_user)  # again: awaiting an assessor
    template = agreement_services.library_entry_save(
        by=clerk(roles.DRAFTER), entry=ClauseTemplate(), section=Clause.Section.EFFECT, heading="Hiệu lực",
        text="Biên bản có hiệu lực từ ngày ký.", position=1, active=True)
    return {
        "partner": vnpt, "agreement": agreement, "condition_set": condition_set,
        "condition": condition_set.conditions.get(), "evidence": evidence, "evidence_file": evidence.files.get(),
        "document": AuthorityDocumentFactory(partner=vnpt, upload=upload("dieu-le.pdf")),
        "membership": Membership.objects.get(user=vnpt_user), "clause_template": template,
        "drafter": drafter, "review_request": request, "opinion": given, "comment": given.comments.get(),
        "version": agreement.versions.get(number=1),
        # Signing takes time: VNPT's signed minutes and their report are made only for the pages that need them.
        "deployment": functools.cache(lambda: _reported(signed(partner=vnpt, number=7, condition_set=condition_set,
                                                               provinces=[current_province("04")]), vnpt_user)),
        # VNPT's request to refuse the right to use under other signed minutes, with its file, waiting.
        "refusal": functools.cache(lambda: file_request(
            signed(partner=vnpt, number=8, condition_set=condition_set,
                   provinces=[current_province("01"), current_province("08")]), vnpt_user)),
        # VNPT's terminated minutes: the first hand-back obligation recorded, with its file, and the minutes of
        # termination.
        "handback": functools.cache(lambda: record(terminated_with_library_wording(
            partner=vnpt, number=9, condition_set=condition_set,
            provinces=[current_province("11")]).handback_obligations.order_by("pk").first(), vnpt_user)),
    }


def _reported(agreement, by):
    """A deployment report of the first period of signed minutes, with its file, filed by `by`."""
    return agreement_services.report_file(agreement=agreement, province=agreement.provinces.get(),
                                          period_start=agreement.term_start, by=by, uploads=[upload("bao-cao.pdf")],
                                          figures={"facilities_live": 3, "records_created": 120, "incidents": 0,
                                                   "problems": "", "next_steps": ""})


@pytest.fixture
def every_model(vnpt_objects, auditor):
    """vnpt_objects, and a row with a version in its history of every other model the admin lists (the
    answer to the comment of the opinion on v1 among them): an agreement signed (its copy kept) that the daily
    check flagged when its partner's evidence ran out (a notice sent) and whose province the deployment watch
    then flagged at risk, a download of its minutes, a province added by hand and a legal document of the
    library changed (the rows the migrations load have no version), a failed login axes counts and a rate
    count."""
    partner = PartnerFactory(short_name="Hồng Hà eHealth")
    condition_set = vnpt_objects["condition_set"]
    accept(partner, condition_set.conditions.get(), valid_until=datetime.date(2026, 6, 30))
    agreement = signed(partner=partner, condition_set=condition_set, provinces=[current_province("92")])
    _reported(agreement, member(partner))
    file_request(agreement, member(partner), codes=("92",))
    eligibility_watch.check_all(day=datetime.date(2026, 7, 1))
    deployment_watch.check_all(day=datetime.date(2026, 7, 1))  # its province at risk: the partner is ineligible
    vnpt_objects["handback"]()  # obligations, their evidence and the minutes of termination
    DownloadRecord.objects.create(user=auditor, what=DownloadRecord.What.SIGNED_MINUTES, object_id=agreement.pk,
                                  filename="bien-ban.pdf")
    Province.objects.create(code="99", name="Tỉnh thử", kind="Tỉnh", valid_from=datetime.date(2025, 7, 1))
    Client().post(reverse("login"), {"username": "khong-co-ai", "password": "sai"})  # a failure axes counts
    ratelimit.allow("example", "khong-co-ai", limit=1, per=60)
    agreement_services.library_entry_save(by=clerk(roles.DRAFTER), entry=LegalDocument.objects.first(),
                                          summary="Bảo vệ dữ liệu cá nhân")
    agreement_services.comment_answer(comment=vnpt_objects["comment"], by=vnpt_objects["drafter"],
                                      kind="taken_in", text="Đã bổ sung căn cứ.")
    # A thread on evidence: the assessor asked for more, the partner answered on the same evidence with a file.
    asked = decide(submit(partner, condition_set.conditions.get()), Evidence.Status.INFO_REQUESTED,
                   reason="Bổ sung bản có dấu")
    condition_services.evidence_answer(evidence=asked, by=member_of(partner), text="Đã bổ sung.",
                                       uploads=[upload()])
    return vnpt_objects
