"""The standard clauses the library ships (issue 9, items 2 and 5; agreements/library_clauses.py, loaded
by migration 0010): one per section the minutes need, no law's number typed into any text, only the
placeholders the minutes know, and one refusal article whose numbered cases each give a notice period
no longer than the Ministry's own notice for changing the conditions of use, security cases at once.
Minutes built from them resolve every placeholder and may be sent."""

import collections
import datetime
import re

import pytest

from agreements import library_clauses, minutes_pdf, placeholders, services
from agreements.models import Agreement, Clause, ClauseTemplate
from tests.agreements.legal_content import plan
from tests.factories import draft

pytestmark = pytest.mark.django_db
D = datetime.date
LAW_NUMBER = re.compile(r"\d+/\d{4}/")  # 91/2025/QH15, 13/2023/NĐ-CP, 12/2022/TT-BTTTT …
# A refusal case: "<n>. <what happens>: <when the receiving party gives notice>".
CASE = re.compile(r"^(\d+)\. (.*?): (.*)$")
NOTICE = re.compile(r"thông báo từ chối(?: quyền sử dụng đối với tỉnh đó)? (ngay|trong thời hạn (\d+) ngày)")
SECURITY_WORDS = ("bảo mật", "an ninh mạng", "an toàn thông tin", "dữ liệu cá nhân")


def _shipped():
    return list(ClauseTemplate.objects.filter(active=True).order_by("position", "pk"))


def _text(section):
    return ClauseTemplate.objects.get(section=section).text


def _refusal_cases():
    """{case number: (what happens, days of notice, 0 for at once)} read from the refusal article."""
    cases = {}
    for line in _text(Clause.Section.REFUSAL).splitlines():
        found = CASE.match(line)
        if found:
            number, event, notice = found.groups()
            said = NOTICE.search(notice)
            assert said, f"case {number} gives no notice period: {notice}"
            cases[int(number)] = (event, 0 if said.group(1) == "ngay" else int(said.group(2)))
    return cases


def _ministrys_notice_days():
    """The Ministry's own notice for changing the conditions of use, in the handing party's obligations."""
    found = re.findall(r"thay đổi điều kiện sử dụng ít nhất (\d+) ngày", _text(Clause.Section.HANDING_PARTY))
    assert len(found) == 1
    return int(found[0])


# --- what is shipped -------------------------------------------------------------------------------

def test_the_library_ships_the_clauses_of_library_clauses():
    assert [(t.section, t.heading, t.text) for t in _shipped()] == list(library_clauses.CLAUSES)


def test_one_standard_clause_per_required_section():
    assert collections.Counter(t.section for t in _shipped()) == {section: 1 for section in Clause.REQUIRED_SECTIONS}


@pytest.mark.parametrize("section", Clause.Section.values)
def test_no_standard_clause_types_a_laws_number(section):
    assert LAW_NUMBER.findall(_text(section)) == []


@pytest.mark.parametrize("section", Clause.Section.values)
def test_every_standard_clause_holds_only_known_placeholders(section):
    written = _text(section)
    assert placeholders.text_problems(written) == []
    names = set(re.findall(r"\{([^{}]*)\}", written))
    topics = {f"law:{topic}" for topic in ("information_technology", "cybersecurity", "personal_data",
                                           "security_levels", "health_data", "intellectual_property",
                                           "public_assets", "civil_code", "electronic_health_records")}
    assert names <= {"partner", "provinces", "software", "version", "term_start", "term_end"} | topics


def test_the_laws_the_clauses_cite_are_named_by_topic():
    cited = {topic for t in _shipped() for topic in placeholders.law_topics_in(t.text)}
    assert {"personal_data", "cybersecurity", "intellectual_property", "civil_code", "security_levels"} <= cited


# --- the refusal article ---------------------------------------------------------------------------

def test_the_refusal_cases_are_numbered_in_one_article():
    assert ClauseTemplate.objects.filter(section=Clause.Section.REFUSAL).count() == 1
    assert list(_refusal_cases()) == list(range(1, len(_refusal_cases()) + 1))
    assert len(_refusal_cases()) >= 3


def test_the_notice_periods_written_are_those_of_refusal_cases_notice_days():
    written = {number: days for number, (_event, days) in _refusal_cases().items()}
    assert written == library_clauses.REFUSAL_CASES_NOTICE_DAYS


def test_no_refusal_case_needs_more_notice_than_the_ministry_gives_for_changing_the_conditions():
    ministry = _ministrys_notice_days()
    assert ministry == 30
    assert max(library_clauses.REFUSAL_CASES_NOTICE_DAYS.values()) <= ministry
    assert all(days <= ministry for _event, days in _refusal_cases().values())


def test_every_security_case_is_refused_at_once():
    security = {number: days for number, (event, days) in _refusal_cases().items()
                if any(word in event for word in SECURITY_WORDS)}
    assert len(security) >= 2  # an unpatched vulnerability; a breach of data protection or cybersecurity law
    assert security == {number: 0 for number in security}


# --- minutes built from the shipped clauses --------------------------------------------------------

@pytest.mark.parametrize("planned", [D(2019, 12, 20), D(2024, 6, 1), D(2026, 1, 15), D(2026, 7, 15)])
def test_minutes_of_the_standard_clauses_resolve_every_placeholder_and_may_be_sent(drafter, planned):
    agreement = plan(draft(by=drafter), drafter, planned)
    services.agreement_update(agreement=agreement, by=drafter, clauses=[])
    assert services.agreement_add_standard_clauses(agreement=agreement, by=drafter) == len(Clause.REQUIRED_SECTIONS)
    context = minutes_pdf.minutes_context(agreement, draft=True)
    words = " ".join(p for article in context["articles"] for p in article["paragraphs"])
    assert "{" not in words and "}" not in words
    assert services.agreement_send_for_review(agreement=agreement, by=drafter).status == Agreement.Status.REVIEW
