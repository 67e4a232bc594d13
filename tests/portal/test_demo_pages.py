"""The demo data (seed_demo) and every page each demo user can reach: each page answers what the rules
say for that user (200, a redirect, 403 for a forbidden action on a visible object, 404 for what the
user may not see), never a server error."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from agreements.actions import ACTIONS
from agreements.models import Agreement, Opinion
from conditions.models import ConditionSet
from partners.models import AuthorityDocument, Partner
from tests.sessions import sign_in

pytestmark = pytest.mark.django_db

# Who holds what in the demo (portal/management/commands/seed_demo.py).
READERS = {"drafter", "assessor", "signer", "auditor", "admin"}  # read everything, history included
MEMBERS = {"vnpt": "VNPT-IT", "vietsens": "VietSens"}
REVIEWER_DEPARTMENT = {"reviewer": "KHĐT", "phapche": "PC"}
MAY_ACT = {"sign": {"signer"}, "send": {"drafter"}, "return": {"drafter"}, "cancel": {"drafter"},
           "terminate": {"drafter"}}
DEMO_USERS = [*sorted(READERS), *REVIEWER_DEPARTMENT, *MEMBERS]


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=io.StringIO())


def _sees_partner(username, partner):
    return username in READERS or MEMBERS.get(username) == partner.short_name


def _sees_agreement(username, agreement):
    if username in READERS:
        return True
    if MEMBERS.get(username) == agreement.partner.short_name:
        return agreement.first_sent_at is not None  # never an earlier draft
    department = REVIEWER_DEPARTMENT.get(username)
    return bool(department) and agreement.review_requests.filter(department__code=department,
                                                                 sent_at__isnull=False).exists()


def _allowed(sees, may, status=200):
    return (status if may else 403) if sees else 404


def _expected_statuses(username):
    """{url: the status the rules give this user}, over every page of the demo data."""
    drafter = username == "drafter"
    pages = {reverse(name): 200 for name in ("dashboard", "partners:list", "agreements:list", "conditions:list")}
    pages[reverse("partners:list") + "?q=VNPT&status=active"] = 200
    pages[reverse("agreements:list") + "?q=01&status=signed&page=2"] = 200
    pages[reverse("partners:create")] = pages[reverse("agreements:create")] = 200 if drafter else 403
    pages[reverse("agreements:coverage")] = 200 if username in READERS else 404
    for partner in Partner.objects.all():
        sees, own = _sees_partner(username, partner), MEMBERS.get(username) == partner.short_name
        url = lambda name: reverse(f"partners:{name}", args=[partner.pk])  # noqa: E731
        pages[url("detail")] = _allowed(sees, True)
        pages[url("edit")] = pages[url("document_add")] = _allowed(sees, drafter or own)
        pages[url("history")] = _allowed(sees, username in READERS)
        pages[url("member_add")] = _allowed(sees, username in {"drafter", "admin"})
    for document in AuthorityDocument.objects.select_related("partner"):
        sees = _sees_partner(username, document.partner)
        pages[reverse("partners:document_download", args=[document.pk])] = 200 if sees and document.file else 404
    for agreement in Agreement.objects.select_related("partner"):
        sees = _sees_agreement(username, agreement)
        url = lambda name: reverse(f"agreements:{name}", args=[agreement.pk])  # noqa: E731
        pages[url("detail")] = _allowed(sees, True)
        pages[url("edit")] = _allowed(sees, drafter, 200 if agreement.status == Agreement.Status.DRAFT else 302)
        pages[url("history")] = _allowed(sees, username in READERS)
        for action in ACTIONS:
            pages[reverse("agreements:confirm", args=[agreement.pk, action])] = _allowed(sees,
                                                                                        username in MAY_ACT[action])
        for version in agreement.versions.all():
            pages[reverse("agreements:version", args=[agreement.pk, version.number])] = _allowed(sees, True)
            pages[reverse("agreements:version_pdf", args=[agreement.pk, version.number])] = _allowed(sees, True)
        pages[url("consolidation")] = _allowed(sees, username in READERS)
        if agreement.signed_on is not None:  # its deployment: the Ministry's readers and the receiving party
            reads = username in READERS or MEMBERS.get(username) == agreement.partner.short_name
            pages[url("deployment")] = 200 if reads else 404
            for report in agreement.deployment_reports.all():
                pages[reverse("agreements:deployment_report", args=[agreement.pk, report.pk])] = 200 if reads else 404
            if agreement.handback_obligations.exists():  # terminated: what was handed back (the deployment's
                pages[url("handback")] = 200 if reads else 404  # readers), and the minutes (the agreement's)
                pages[url("termination_pdf")] = _allowed(sees, True)
        for refusal in agreement.refusal_requests.all():
            pages[reverse("agreements:refusal", args=[agreement.pk, refusal.pk])] = _allowed(sees, True)
    for opinion in Opinion.objects.select_related("request__department", "request__agreement__partner"):
        request = opinion.request
        own = (REVIEWER_DEPARTMENT.get(username) == getattr(request.department, "code", None)
               or (request.to_partner and MEMBERS.get(username) == request.agreement.partner.short_name))
        sees = _sees_agreement(username, request.agreement) and (username in READERS or own)
        for name in ("opinion", "opinion_letter"):
            pages[reverse(f"agreements:{name}", args=[request.agreement_id, opinion.pk])] = _allowed(sees, True)
    pages[reverse("agreements:inbox")] = 200 if username in {*REVIEWER_DEPARTMENT, *MEMBERS} else 403
    pages[reverse("notices")] = 200
    for condition_set in ConditionSet.objects.all():
        pages[reverse("conditions:detail", args=[condition_set.pk])] = 200
    return pages


@pytest.mark.parametrize("username", DEMO_USERS)
def test_every_page_answers_each_demo_user_as_the_rules_say(demo, client, username):
    sign_in(client, get_user_model().objects.get(username=username))
    expected = _expected_statuses(username)
    answered = {url: client.get(url).status_code for url in expected}
    assert {url: (answered[url], status) for url, status in expected.items() if answered[url] != status} == {}


def test_the_demo_has_an_agreement_in_every_state(demo):
    assert set(Agreement.objects.values_list("status", flat=True)) == set(Agreement.Status.values)


def test_the_demo_has_a_user_for_every_role_and_three_partner_units_with_their_members(demo):
    assert get_user_model().objects.filter(username__in=DEMO_USERS).count() == len(DEMO_USERS)
    assert sorted(Partner.objects.values_list("short_name", flat=True)) == ["Hồng Hà eHealth", "VNPT-IT", "VietSens"]
    for username, short_name in MEMBERS.items():
        assert Partner.objects.visible_to(get_user_model().objects.get(username=username)).get().short_name \
            == short_name


def test_seeding_twice_changes_nothing(demo):
    User = get_user_model()
    before = (Agreement.objects.count(), Partner.objects.count(), User.objects.count(), ConditionSet.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Agreement.objects.count(), Partner.objects.count(), User.objects.count(),
            ConditionSet.objects.count()) == before


def test_the_2019_minutes_carry_the_seed_letter_and_the_drafters_answers(demo):
    minutes = Agreement.objects.get(number=15, symbol="BB-CNTT")
    letter = Opinion.objects.get(request__agreement=minutes)
    assert (letter.letter_number, letter.letter_date.strftime("%d/%m/%Y"), letter.request.letter_number,
            letter.position) == ("832/KHĐT-VP", "29/08/2019", "442/CNTT-TTUD", Opinion.Position.AGREE_WITH_COMMENTS)
    comments = [c.text.split(" ")[0] for c in letter.comments.order_by("position")]
    assert comments == ["1.", "2.1.", "2.2.a)", "2.2.b)", "2.2.c)"]
    assert all(c.answer.text for c in letter.comments.exclude(position=1))


def test_a_vnpt_agreement_is_in_review_with_one_opinion_in_and_one_pending_not_yet_due(demo):
    from django.utils import timezone

    minutes = Agreement.objects.get(partner__short_name="VNPT-IT", status=Agreement.Status.REVIEW)
    answered = {r.department.code: r.opinions.exists() for r in minutes.review_requests.select_related("department")}
    assert answered == {"KHĐT": True, "PC": False}
    assert minutes.review_requests.get(department__code="PC").due_on > timezone.localdate()


def test_vnpt_reports_on_time_in_tuyen_quang_went_silent_in_lao_cai_flagged_at_risk_and_asks_to_refuse_it(demo):
    from django.utils import timezone

    from agreements.models import report_periods

    minutes = Agreement.objects.get(partner__short_name="VNPT-IT", status=Agreement.Status.SIGNED)
    begun = [p.start for p in report_periods(minutes, started_by=timezone.localdate())]
    reported = {}
    for report in minutes.deployment_reports.select_related("province").order_by("period_start"):
        reported.setdefault(report.province.name, []).append(report.period_start)
    assert reported == {"Tuyên Quang": begun, "Lào Cai": begun[:1]}
    assert len(begun) >= 3  # Lào Cai missed at least two periods since
    at_risk = minutes.province_risks.filter(cleared_on__isnull=True).select_related("province")
    assert [(risk.province.name, risk.reason) for risk in at_risk] == [("Lào Cai", "overdue")]
    request = minutes.refusal_requests.get()
    assert (request.status, request.clause.section) == ("pending", "refusal")
    assert [row.province.name for row in request.provinces.all()] == ["Lào Cai"]


def test_the_terminated_2019_minutes_were_handed_back_in_full_with_the_deletion_certificate(demo):
    minutes = Agreement.objects.get(number=15, symbol="BB-CNTT")
    obligations = {o.kind: o for o in minutes.handback_obligations.prefetch_related("files")}
    assert set(obligations) == {"data", "systems", "accounts", "personal_data_deleted", "deletion_certificate"}
    assert {o.status for o in obligations.values()} == {"confirmed"}
    assert all(o.files.all() for o in obligations.values())
    certificate = obligations["deletion_certificate"].files.get()
    assert certificate.content_type == "application/pdf"
    assert minutes.termination_minutes.number_and_symbol.endswith("/BBCD-CNTT")
