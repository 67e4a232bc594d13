"""The agreement the tests of the daily eligibility watch look at, and the watch run with its mail sent."""

import datetime

from agreements import eligibility_watch
from tests.factories import accept, condition_set, signed

SIGNED_ON = datetime.date(2025, 12, 20)
UNTIL = datetime.date(2026, 6, 30)  # the last day VNPT's PL-01 evidence is valid
EXPIRED_ON = UNTIL + datetime.timedelta(days=1)
WARN_ON = UNTIL - datetime.timedelta(days=30)


def catalogue_2025():
    """Published, in force from 01/01/2025: PL-01 and ATTT-01 mandatory, KN-01 optional."""
    return condition_set("PL-01", "ATTT-01", "KN-01", optional=("KN-01",))


def watched_agreement(*, drafter, partner, partner_user):
    """`partner` signed on 20/12/2025 for 2026-2027, drafted by `drafter`, under catalogue_2025(): its
    PL-01 evidence runs until 30/06/2026, its ATTT-01 evidence until 31/12/2027. The drafter and the
    partner's user have e-mail addresses."""
    rules = catalogue_2025()
    for user, email in ((drafter, "drafter@cntt.gov.vn"), (partner_user, f"{partner_user.username}@unit.vn")):
        user.email = email
        user.save()
    accept(partner, rules.conditions.get(code="PL-01"), valid_from=datetime.date(2025, 7, 1), valid_until=UNTIL)
    accept(partner, rules.conditions.get(code="ATTT-01"), valid_from=datetime.date(2025, 7, 1),
           valid_until=datetime.date(2027, 12, 31))
    return signed(by=drafter, partner=partner, condition_set=rules, signed_on=SIGNED_ON)


def run_watch(capture_on_commit_callbacks, day):
    """The daily check on `day`, with the mail it sends on commit actually sent."""
    with capture_on_commit_callbacks(execute=True):
        return eligibility_watch.check_all(day=day)
