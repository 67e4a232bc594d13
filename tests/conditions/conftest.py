"""The catalogue most tests of this folder judge by, published through the services."""

import pytest

from tests.factories import condition_set


@pytest.fixture
def rules(db):
    """Published, in force from 01/01/2025: PL-01 and ATTT-01 mandatory, KN-01 optional; evidence for
    each stays valid 12 months once accepted."""
    return condition_set("PL-01", "ATTT-01", "KN-01", optional=("KN-01",))


@pytest.fixture
def codes(rules):
    """The conditions of `rules` by code."""
    return {condition.code: condition for condition in rules.conditions.all()}
