"""Reuse the eligibility fixtures (published set, watched agreement, fixed-day check, English pages)."""

from tests.eligibility.conftest import (  # noqa: F401
    as_user,
    check,
    codes,
    condition_set,
    english,
    watched,
)
