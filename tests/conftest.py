"""Personas, after healthchecks: Ministry staff in each role, and two partner units whose users must
never see each other's data (vietsens_user is the outsider for VNPT-IT's objects, who gets 404).

One way to sign in (login), one language for everything a test reads outside a page (English)."""

import pytest
from django.conf import settings
from django.utils import translation

from core import roles
from tests.factories import PartnerFactory, UserFactory, give_department, member, review_department
from tests.sessions import sign_in


@pytest.fixture(autouse=True)
def english():
    """Messages raised outside a request read in English, so a wording check does not depend on the
    Vietnamese catalogue. Pages choose their language themselves (see login)."""
    with translation.override("en"):
        yield


@pytest.fixture
def login(client):
    """login(user): the test client signed in as `user` (second factor proved: tests.sessions), who chose
    English with the language switch. login(user, language=None): as a browser that never touched the switch
    (the UI is Vietnamese)."""

    def _login(user, language="en"):
        sign_in(client, user)
        if language:
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        return client

    return _login


@pytest.fixture
def drafter(db):
    return UserFactory(username="drafter", roles=[roles.DRAFTER])


@pytest.fixture
def signer(db):
    return UserFactory(username="signer", roles=[roles.SIGNER])


@pytest.fixture
def assessor(db):
    return UserFactory(username="assessor", roles=[roles.ASSESSOR])


@pytest.fixture
def auditor(db):
    return UserFactory(username="auditor", roles=[roles.AUDITOR])


@pytest.fixture
def administrator(db):
    return UserFactory(username="administrator", roles=[roles.ADMINISTRATOR])


@pytest.fixture
def superuser(db):
    """An account that configures the system: staff and superuser, with the administrator role only."""
    return UserFactory(username="root", is_staff=True, is_superuser=True, roles=[roles.ADMINISTRATOR])


@pytest.fixture
def reviewer(db):
    return give_department(UserFactory(username="reviewer", roles=[roles.REVIEWER]), review_department())


@pytest.fixture
def vnpt(db):
    return PartnerFactory(short_name="VNPT-IT", legal_name="Công ty Công nghệ thông tin VNPT", tax_code="0106869738")


@pytest.fixture
def vietsens(db):
    return PartnerFactory(short_name="VietSens", legal_name="Công ty Cổ phần Tập đoàn Công nghệ VietSens",
                          tax_code="0102345678")


@pytest.fixture
def vnpt_user(vnpt):
    return member(vnpt, "vnpt")


@pytest.fixture
def vietsens_user(vietsens):
    return member(vietsens, "vietsens")
