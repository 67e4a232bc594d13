"""manage.py print_eligibility prints, for operators, the verdicts the pages show."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from conditions.models import Evidence
from tests.factories import accept, decide, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def verdicts(vnpt, vietsens, codes):
    """VNPT meets everything until 30/06/2026; VietSens has PL-01 only, and ATTT-01 rejected."""
    for condition in (codes["PL-01"], codes["ATTT-01"]):
        accept(vnpt, condition, valid_from=datetime.date(2025, 7, 1), valid_until=datetime.date(2026, 6, 30))
    accept(vietsens, codes["PL-01"])
    decide(submit(vietsens, codes["ATTT-01"]), Evidence.Status.REJECTED, reason="Thiếu chứng nhận")


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
    lines = _run("--on", "2026-03-01")
    assert lines[0] == "Conditions v1 (from 01/01/2025) — 01/03/2026"
    assert _unmet_by_partner(lines) == {
        "0102345678  VietSens: NOT ELIGIBLE": ["ATTT-01"], "0106869738  VNPT-IT: ELIGIBLE": []}


def test_partner_narrows_the_output_to_one_unit(verdicts):
    assert _verdict_lines(_run("--partner", "0106869738", "--on", "2026-03-01")) == ["0106869738  VNPT-IT: ELIGIBLE"]


def test_on_changes_the_day_judged(verdicts):
    assert _unmet_by_partner(_run("--partner", "0106869738", "--on", "2026-07-01")) == {
        "0106869738  VNPT-IT: NOT ELIGIBLE": ["PL-01", "ATTT-01"]}


def test_it_warns_of_evidence_expiring_within_30_days(verdicts):
    lines = _run("--partner", "0106869738", "--on", "2026-06-15")
    assert lines[1:] == ["0106869738  VNPT-IT: ELIGIBLE", "    ! PL-01 expires on 30/06/2026",
                         "    ! ATTT-01 expires on 30/06/2026"]


def test_it_does_not_warn_31_days_before(verdicts):
    assert _run("--partner", "0106869738", "--on", "2026-05-30")[1:] == ["0106869738  VNPT-IT: ELIGIBLE"]


def test_a_bad_date_is_a_command_error(verdicts):
    with pytest.raises(CommandError, match="--on wants a date as YYYY-MM-DD, not '30/06/2026'."):
        _run("--on", "30/06/2026")


def test_an_unknown_tax_code_is_a_command_error(verdicts):
    with pytest.raises(CommandError, match="No partner unit has the tax code 0000000000."):
        _run("--partner", "0000000000")


def test_a_day_with_no_set_in_force_is_a_command_error(verdicts):
    with pytest.raises(CommandError, match="No published condition set is in force on 31/12/2024."):
        _run("--on", "2024-12-31")
