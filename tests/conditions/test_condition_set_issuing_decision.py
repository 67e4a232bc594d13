"""A condition set is issued by a Minister's decision, and the minutes cite the set applied by it
(issue 9, item 5): a version is published only with the number and date of that decision, and the
minutes' Article 1 cites the set by its version, its decision and the day since which the partner's
accepted evidence counts."""

import datetime

import pytest
from django.urls import reverse

from agreements import services as agreement_services
from agreements.minutes_text import minutes_context
from conditions import services
from conditions.models import Condition, ConditionSet
from core.dates import long_date
from core.exceptions import Refused
from tests.agreements.pdf_reading import stored, text
from tests.factories import SIGNATORIES, accept, agreed, condition_set, draft, in_review, on_day
from tests.pages import flash_messages

pytestmark = pytest.mark.django_db
D = datetime.date
DECISION_NEEDED = ("Give the number and date of the decision that issues this version: the minutes cite the conditions "
                   "by it.")
CITED = ("Bộ điều kiện cần và đủ phiên bản 1 ban hành kèm theo Quyết định số 5120/QĐ-BYT ngày 20 tháng 12 năm 2024 "
         "của Bộ trưởng Bộ Y tế")
SIGNED_ON = D(2025, 12, 20)


def _new_set(by, *, decision_number="5120/QĐ-BYT", decision_date=D(2024, 12, 20), codes=("PL-01",), optional=()):
    made = services.condition_set_create(by=by, title="Điều kiện tham gia", effective_from=D(2025, 1, 1),
                                         decision_number=decision_number, decision_date=decision_date)
    for position, code in enumerate(codes, start=1):
        services.condition_save(condition_set=made, by=by, code=code, title=f"Điều kiện {code}",
                                category=Condition.Category.LEGAL, mandatory=code not in optional, validity_months=12,
                                position=position)
    return made


def _status(condition_set):
    condition_set.refresh_from_db()
    return condition_set.status


# --- publishing needs the issuing decision ---------------------------------------------------------

@pytest.mark.parametrize("decision", [
    {"decision_number": "", "decision_date": None},
    {"decision_number": "", "decision_date": D(2024, 12, 20)},
    {"decision_number": "  ", "decision_date": D(2024, 12, 20)},
    {"decision_number": "5120/QĐ-BYT", "decision_date": None},
], ids=["neither", "no number", "a blank number", "no date"])
def test_publishing_is_refused_without_the_issuing_decision(assessor, decision):
    condition_set = _new_set(assessor, **decision)
    with pytest.raises(Refused) as refused:
        services.condition_set_publish(condition_set=condition_set, by=assessor)
    assert refused.value.reasons == [DECISION_NEEDED]
    assert _status(condition_set) == ConditionSet.Status.DRAFT


def test_publishing_with_the_issuing_decision_is_allowed(assessor):
    condition_set = services.condition_set_publish(condition_set=_new_set(assessor), by=assessor)
    assert condition_set.status == ConditionSet.Status.PUBLISHED


def test_a_draft_given_its_decision_later_is_published(assessor):
    condition_set = _new_set(assessor, decision_number="", decision_date=None)
    services.condition_set_update(condition_set=condition_set, by=assessor, decision_number="5120/QĐ-BYT",
                                  decision_date=D(2024, 12, 20))
    assert services.condition_set_publish(condition_set=condition_set, by=assessor).status == "published"


def test_the_page_refuses_publishing_without_the_issuing_decision(login, assessor):
    condition_set = _new_set(assessor, decision_number="", decision_date=None)
    response = login(assessor).post(reverse("conditions:publish", args=[condition_set.pk]))
    assert response.url == condition_set.get_absolute_url()
    assert flash_messages(response) == [DECISION_NEEDED]
    assert _status(condition_set) == ConditionSet.Status.DRAFT


def test_the_page_publishes_a_version_with_its_issuing_decision(login, assessor):
    condition_set = _new_set(assessor)
    response = login(assessor).post(reverse("conditions:publish", args=[condition_set.pk]))
    assert flash_messages(response) == [f"Version {condition_set.version} published."]
    assert _status(condition_set) == ConditionSet.Status.PUBLISHED


def test_the_new_version_page_records_the_issuing_decision(login, assessor):
    response = login(assessor).post(reverse("conditions:create"), {
        "title": "Điều kiện tham gia", "effective_from": "01/01/2027", "decision_number": "7001/QĐ-BYT",
        "decision_date": "15/12/2026"})
    assert response.status_code == 302
    made = ConditionSet.objects.get()
    assert (made.decision_number, made.decision_date) == ("7001/QĐ-BYT", D(2026, 12, 15))


def _as_a_browser_sends(form, **changes):
    """What a browser posts back from a form page: each field's value as the page shows it."""
    data = {name: form[name].value() or "" for name in form.fields}
    data = {name: value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else value for name, value in data.items()}
    return {**data, **changes}


def test_changing_the_title_on_the_edit_page_keeps_the_issuing_decision(login, assessor):
    condition_set = _new_set(assessor)
    client = login(assessor)
    form = client.get(reverse("conditions:edit", args=[condition_set.pk])).context["form"]
    client.post(reverse("conditions:edit", args=[condition_set.pk]), _as_a_browser_sends(form, title="Điều kiện mới"))
    condition_set.refresh_from_db()
    assert condition_set.title == "Điều kiện mới"
    assert (condition_set.decision_number, condition_set.decision_date) == ("5120/QĐ-BYT", D(2024, 12, 20))


# --- the minutes cite the set applied --------------------------------------------------------------

def test_a_set_is_cited_by_its_version_and_issuing_decision(assessor):
    assert _new_set(assessor).citation() == CITED


@pytest.fixture
def applied(assessor, vnpt):
    """VNPT's accepted evidence under a published set of PL-01 and ATTT-01 (mandatory) and KN-01
    (optional), valid from 01/03/2024, 10/02/2025 and 01/06/2025."""
    with on_day(SIGNED_ON):
        condition_set = services.condition_set_publish(
            condition_set=_new_set(assessor, codes=("PL-01", "ATTT-01", "KN-01"), optional=("KN-01",)), by=assessor)
        conditions = {c.code: c for c in condition_set.conditions.all()}
        for code, valid_from in (("PL-01", D(2024, 3, 1)), ("ATTT-01", D(2025, 2, 10)), ("KN-01", D(2025, 6, 1))):
            accept(vnpt, conditions[code], valid_from=valid_from)
    return condition_set


def test_the_signed_minutes_cite_the_set_by_version_decision_and_the_day_assessed(drafter, signer, vnpt, applied):
    with on_day(SIGNED_ON):
        agreement = agreed(in_review(by=drafter, partner=vnpt, condition_set=applied))
        agreement = agreement_services.agreement_sign(agreement=agreement, by=signer, number=1, signed_on=SIGNED_ON,
                                                      **SIGNATORIES)
    printed = text(stored(agreement))
    article_1 = printed[printed.index("Điều 1. Phạm vi bàn giao"):printed.index("Điều 2.")]
    assert (f"6. Bên nhận đáp ứng đầy đủ {CITED}, theo kết quả thẩm định hồ sơ có hiệu lực từ ngày 10/02/2025."
            in article_1)


def test_a_draft_for_a_partner_not_yet_eligible_says_the_set_must_be_met_on_the_signing_day(drafter, vietsens,
                                                                                          applied):
    agreement = draft(by=drafter, partner=vietsens, condition_set=applied)
    assert minutes_context(agreement, draft=True)["conditions"] == (
        f"Bên nhận phải đáp ứng đầy đủ {CITED} tại ngày ký Biên bản.")


def test_a_set_with_no_mandatory_condition_is_cited_without_an_assessment_date(drafter, vnpt):
    optional_only = condition_set("KN-01", optional=("KN-01",), publish=False)
    agreement = draft(by=drafter, partner=vnpt, condition_set=optional_only)
    assert minutes_context(agreement, draft=True)["conditions"] == (
        f"Bên nhận đáp ứng đầy đủ Bộ điều kiện cần và đủ phiên bản {optional_only.version} ban hành kèm theo "
        f"Quyết định số {optional_only.decision_number} ngày {long_date(optional_only.decision_date)} "
        "của Bộ trưởng Bộ Y tế.")
