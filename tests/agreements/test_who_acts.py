"""The services check who acts themselves, whoever calls them (a page, the admin, a command): a role
without the action's permission is refused (NotPermitted, which a page answers with 403), and so is
anyone acting on minutes they cannot see. A superuser is no exception: it may do only what its roles
grant, and the one in tests/conftest.py holds only the administrator role."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from agreements import services
from agreements.actions import ACTIONS
from agreements.models import Agreement
from core import roles
from core.exceptions import NotPermitted
from tests.factories import (
    SIGNATORIES,
    SIGNED_ON,
    DepartmentFactory,
    UserFactory,
    agreement_in,
    current_province,
    give_department,
    handing_department,
    in_review,
)

pytestmark = pytest.mark.django_db
S = Agreement.Status
DAY = SIGNED_ON  # 20/12/2025: after the default signing, before today
HEADER = dict(title="Biên bản bàn giao quyền sử dụng", handing_representative="Phạm Đức Long",
              handing_title="Cục trưởng", receiving_representative="Nguyễn Văn A", receiving_title="Giám đốc",
              software_name="Phần mềm Hồ sơ sức khỏe điện tử", software_version="2.1", place="Hà Nội")


def _create(agreement, by):
    """A new draft for the partner of `agreement`."""
    return services.agreement_create(by=by, partner=agreement.partner, handing_department=handing_department(),
                                     provinces=[current_province("01")], **HEADER)


# Each action: the status it starts from, who holds its permission, the service call, and the page's form.
ACTS = {
    "create": (S.DRAFT, "drafter", _create, None),
    "send": (S.DRAFT, "drafter", lambda a, by: services.agreement_send_for_review(agreement=a, by=by), {"reason": ""}),
    "return": (S.REVIEW, "drafter", lambda a, by: services.agreement_return_for_revision(agreement=a, by=by,
                                                                                        reason="Sửa lại"),
               {"reason": "Sửa lại"}),
    "sign": (S.REVIEW, "signer", lambda a, by: services.agreement_sign(agreement=a, by=by, number=5, signed_on=DAY,
                                                                      **SIGNATORIES),
             {"number": "5", "signed_on": "20/12/2025", **SIGNATORIES}),
    "cancel": (S.DRAFT, "drafter", lambda a, by: services.agreement_cancel(agreement=a, by=by, cancelled_on=DAY),
               {"cancelled_on": "20/12/2025"}),
    "terminate": (S.SIGNED, "drafter", lambda a, by: services.agreement_terminate(
        agreement=a, by=by, terminated_on=DAY, reason_code="term_ended"),
        {"terminated_on": "20/12/2025", "reason_code": "term_ended"}),
}
# Who lacks each permission: the auditor (reads everything, changes nothing), and another Ministry role.
LACKING = [(name, "auditor") for name in ACTS] + [(name, "assessor" if name == "sign" else "signer") for name in ACTS]


def _act(name, agreement, by):
    return ACTS[name][2](agreement, by)


def _post(client, name, agreement):
    if name == "create":
        form = {"partner": agreement.partner_id, "handing_department": handing_department().pk,
                "term_start": "01/01/2026", "term_end": "31/12/2027", "condition_set": "",
                "provinces": [current_province("01").pk], **HEADER}
        return client.post(reverse("agreements:create"), form)
    return client.post(reverse("agreements:transition", args=[agreement.pk, name]), ACTS[name][3])


def _refused(name, by):
    """Attempt `name` as `by`; return the reasons of the refusal, having checked that nothing moved."""
    status = ACTS[name][0]
    agreement, count = agreement_in(status), Agreement.objects.count()
    with pytest.raises(NotPermitted) as refused:
        _act(name, agreement, by)
    agreement.refresh_from_db()
    assert (agreement.status, Agreement.objects.count()) == (status, count)
    return refused.value.reasons


def _why(name):
    """The refusal of a role that may not take `name`: it names the action."""
    if name == "create":
        return ["Your roles do not allow starting minutes."]
    return [f"Your roles do not allow “{ACTIONS[name].button}”."]


@pytest.mark.parametrize("name,persona", LACKING)
def test_a_user_without_the_actions_permission_is_refused(request, name, persona):
    assert _refused(name, request.getfixturevalue(persona)) == _why(name)


@pytest.mark.parametrize("name", ACTS)
def test_the_role_holding_the_actions_permission_may_take_it(request, name):
    status, holder = ACTS[name][:2]
    done = _act(name, agreement_in(status), request.getfixturevalue(holder))
    assert done.status == (S.DRAFT if name == "create" else ACTIONS[name].to)


@pytest.mark.parametrize("name", ACTS)
def test_a_superuser_with_only_the_administrator_role_may_not_act(superuser, name):
    assert _refused(name, superuser) == _why(name)


@pytest.mark.parametrize("name", ACTS)
def test_the_page_answers_403_to_a_superuser_with_only_the_administrator_role(login, superuser, name):
    status = ACTS[name][0]
    agreement, count = agreement_in(status), Agreement.objects.count()
    assert _post(login(superuser), name, agreement).status_code == 403
    agreement.refresh_from_db()
    assert (agreement.status, Agreement.objects.count()) == (status, count)


@pytest.mark.parametrize("name", ACTS)
def test_the_page_lets_the_role_holder_act(request, login, name):
    status, holder = ACTS[name][:2]
    agreement, count = agreement_in(status), Agreement.objects.count()
    response = _post(login(request.getfixturevalue(holder)), name, agreement)
    assert response.status_code == 302
    agreement.refresh_from_db()
    if name == "create":
        assert Agreement.objects.latest("pk").created_by == request.getfixturevalue(holder)
        assert Agreement.objects.count() == count + 1
    else:
        assert agreement.status == ACTIONS[name].to


# --- seeing comes first: a permission does not reach minutes one cannot see --------------------------

@pytest.fixture
def may_return():
    """The permission to send and return minutes, granted to a reviewer directly (no role grants it)."""

    def grant(user):
        user.user_permissions.add(Permission.objects.get(codename="transition_agreement"))
        return user

    return grant


def test_a_reviewer_who_cannot_see_the_minutes_cannot_act_on_them(may_return):
    elsewhere = may_return(give_department(UserFactory(roles=[roles.REVIEWER]), DepartmentFactory(code="KCB")))
    agreement = in_review()  # sent to KHĐT only
    with pytest.raises(NotPermitted, match="^These minutes are not open to you.$"):
        services.agreement_return_for_revision(agreement=agreement, by=elsewhere, reason="Sửa lại")
    agreement.refresh_from_db()
    assert agreement.status == S.REVIEW


def test_a_reviewer_with_the_permission_may_act_on_minutes_sent_to_their_department(may_return, reviewer):
    agreement = in_review()  # sent to KHĐT, the reviewer's department
    returned = services.agreement_return_for_revision(agreement=agreement, by=may_return(reviewer), reason="Sửa lại")
    assert returned.status == S.DRAFT
