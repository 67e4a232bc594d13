"""manage.py eligibility prints, for operators, the verdicts the pages show."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from conditions.models import Evidence
from tests.eligibility.conftest import evidence
from tests.factories import UserFactory, accept_evidence

pytestmark = pytest.mark.django_db


@pytest.fixture
def verdicts(vnpt, vietsens, codes):
    """VNPT meets everything until 30/06/2026; VietSens has PL-01 only, and ATTT-01 rejected."""
    for condition in (codes["PL-01"], codes["ATTT-01"]):
        accept_evidence(vnpt, condition, valid_from=datetime.date(2025, 7, 1), valid_until=datetime.date(2026, 6, 30))
    accept_evidence(vietsens, codes["PL-01"])
    evidence(vietsens, codes["ATTT-01"], UserFactory(), Evidence.Status.REJECTED)


def _run(*args):
    out = io.StringIO()
    call_command("print_eligibility", *args, stdout=out)
    return out.getvalue().splitlines()


def _verdict_lines(lines):
    return [line for line in lines if line.startswith("01")]


def _unmet_by_partner(lines):
    """{verdict line: [unmet condition codes]} from the command's output."""
    blocks = {}
    for line in lines:
        if line.startswith("01"):
            current = blocks.setdefault(line, [])
        elif line.startswith("    - "):
            current.append(line.split()[1])
    return blocks


def test_it_prints_each_partners_verdict_and_the_unmet_codes(verdicts):
    assert _unmet_by_partner(_run("--on", "2026-03-01")) == {
        "0102345678  VietSens: NOT ELIGIBLE": ["ATTT-01"], "0106869738  VNPT-IT: ELIGIBLE": []}


def test_partner_narrows_the_output_to_one_unit(verdicts):
    assert _verdict_lines(_run("--partner", "0106869738", "--on", "2026-03-01")) == ["0106869738  VNPT-IT: ELIGIBLE"]


def test_on_changes_the_day_judged(verdicts):
    assert _unmet_by_partner(_run("--partner", "0106869738", "--on", "2026-07-01")) == {
        "0106869738  VNPT-IT: NOT ELIGIBLE": ["PL-01", "ATTT-01"]}


def test_it_warns_of_evidence_expiring_within_30_days(verdicts):
    lines = _run("--partner", "0106869738", "--on", "2026-06-15")
    assert "    ! PL-01 expires on 30/06/2026" in lines


def test_a_bad_date_is_a_command_error(verdicts):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        _run("--on", "30/06/2026")


def test_an_unknown_tax_code_is_a_command_error(verdicts):
    with pytest.raises(CommandError):
        _run("--partner", "0000000000")


def test_a_day_with_no_set_in_force_is_a_command_error(verdicts):
    with pytest.raises(CommandError):
        _run("--on", "2024-12-31")
