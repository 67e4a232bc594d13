"""Personas, after healthchecks: Alice-style staff, and Charlie (vietsens_user) who must get 404."""

import pytest

from tests.factories import PartnerFactory, UserFactory, give_department, make_member, review_department


@pytest.fixture
def drafter(db):
    return UserFactory(username="drafter", roles=["drafter"])


@pytest.fixture
def signer(db):
    return UserFactory(username="signer", roles=["signer"])


@pytest.fixture
def assessor(db):
    return UserFactory(username="assessor", roles=["assessor"])


@pytest.fixture
def auditor(db):
    return UserFactory(username="auditor", roles=["auditor"])


@pytest.fixture
def reviewer(db):
    return give_department(UserFactory(username="reviewer", roles=["reviewer"]), review_department())


@pytest.fixture
def vnpt(db):
    return PartnerFactory(short_name="VNPT-IT", legal_name="Công ty Công nghệ thông tin VNPT", tax_code="0106869738")


@pytest.fixture
def vietsens(db):
    return PartnerFactory(short_name="VietSens", legal_name="Công ty Cổ phần Tập đoàn Công nghệ VietSens",
                          tax_code="0102345678")


@pytest.fixture
def vnpt_user(vnpt):
    return make_member(vnpt, "vnpt")


@pytest.fixture
def vietsens_user(vietsens):
    return make_member(vietsens, "vietsens")


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client
    return _login
