"""Fixtures of the daily eligibility watch's tests (test_eligibility_watch_*.py)."""

import pytest

from tests.agreements.eligibility_watching import run_watch, watched_agreement


@pytest.fixture
def watched(drafter, vnpt, vnpt_user):
    """VNPT's minutes signed on 20/12/2025, its PL-01 evidence valid until 30/06/2026."""
    return watched_agreement(drafter=drafter, partner=vnpt, partner_user=vnpt_user)


@pytest.fixture
def check(django_capture_on_commit_callbacks):
    """check(day): the daily watch on that day, with the mail it sends on commit actually sent."""
    return lambda day: run_watch(django_capture_on_commit_callbacks, day)


@pytest.fixture
def deployed(drafter, vnpt):
    """VNPT-IT's signed minutes for Hà Nội and Cao Bằng (tests/agreements/deployment_reporting.py)."""
    from tests.agreements.deployment_reporting import deployed as make

    return make(by=drafter, partner=vnpt)
