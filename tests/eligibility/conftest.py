"""Shared objects for the eligibility tests: a published condition set, real files, English pages."""

import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image

from agreements import eligibility_watch as watch
from conditions import services
from conditions.models import Evidence
from tests.factories import ConditionFactory, ConditionSetFactory, accept_evidence, make_signed

# The smallest file the product takes for a PDF: its magic number at the start, %%EOF at the end.
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name="giay-phep.pdf", content=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_files():
    """Every file under the private media root, wherever it is."""
    return {path for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if path.is_file()}


def submit(partner, condition, by, *uploads):
    """A submission through the service, with a real PDF unless other files are given."""
    return services.evidence_submit(partner=partner, condition=condition, by=by, statement="Hồ sơ chứng minh",
                                    uploads=list(uploads) or [upload()])


def evidence(partner, condition, by, status, *, reason="Thiếu hồ sơ"):
    """A row in a given state, for the rule tests that only read it."""
    return Evidence.objects.create(partner=partner, condition=condition, statement="Hồ sơ", submitted_by=by,
                                   status=status, decided_by=None if status == Evidence.Status.SUBMITTED else by,
                                   decision_reason="" if status == Evidence.Status.SUBMITTED else reason)


@pytest.fixture(autouse=True)
def english():
    """Messages raised outside a request read in English; pages choose it with the cookie (as_user)."""
    with translation.override("en"):
        yield


@pytest.fixture
def condition_set(db):
    """Published, in force from 01/01/2025: two mandatory conditions and one optional."""
    condition_set = ConditionSetFactory(effective_from=datetime.date(2025, 1, 1))
    ConditionFactory(condition_set=condition_set, code="PL-01", mandatory=True, validity_months=12, position=1)
    ConditionFactory(condition_set=condition_set, code="ATTT-01", mandatory=True, validity_months=12, position=2)
    ConditionFactory(condition_set=condition_set, code="KN-01", mandatory=False, validity_months=36, position=3)
    return condition_set


@pytest.fixture
def codes(condition_set):
    """The conditions of `condition_set` by code."""
    return {c.code: c for c in condition_set.conditions.all()}


@pytest.fixture
def as_user(client):
    """as_user(user): the test client signed in as `user`, who chose English with the language switch."""

    def _as_user(user):
        client.force_login(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return _as_user


@pytest.fixture
def watched(drafter, vnpt, vnpt_user, condition_set, codes):
    """VNPT signed on 20/12/2025 under `condition_set` for 2026-2027. Its PL-01 evidence runs until
    30/06/2026, its ATTT-01 evidence until 31/12/2027. The drafter and vnpt_user have e-mail addresses."""
    for user, email in ((drafter, "drafter@cntt.gov.vn"), (vnpt_user, "vnpt@vnpt.vn")):
        user.email = email
        user.save()
    accept_evidence(vnpt, codes["PL-01"], valid_from=datetime.date(2025, 7, 1), valid_until=datetime.date(2026, 6, 30))
    accept_evidence(vnpt, codes["ATTT-01"], valid_from=datetime.date(2025, 7, 1),
                    valid_until=datetime.date(2027, 12, 31))
    with pytest.MonkeyPatch.context() as clock:  # the signing is recorded on the day it happened
        clock.setattr(timezone, "localdate", lambda *args, **kwargs: datetime.date(2025, 12, 20))
        return make_signed(by=drafter, partner=vnpt, condition_set=condition_set,
                           signed_on=datetime.date(2025, 12, 20))


@pytest.fixture
def check(django_capture_on_commit_callbacks):
    """check(day): the daily check on that day, with the mail it sends on commit actually sent."""
    def _check(day):
        with django_capture_on_commit_callbacks(execute=True):
            return watch.check_all(day=day)

    return _check
