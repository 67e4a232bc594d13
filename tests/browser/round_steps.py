"""What the people of a review round do in the browser, one small step each (test_review_round): log in
and out, record an opinion from the inbox, answer a comment, fill the signing form, read a refusal."""

import re

from django.utils import timezone, translation
from django.utils.translation import gettext
from django_otp.plugins.otp_static.models import StaticToken

from core.second_factor.rules import required_for
from tests.sessions import recovery_code

PASSWORD = "pw"  # of every user tests.factories makes


def log_in(page, user, password=PASSWORD):
    """The password, then the second factor for one who must have it: a new recovery code each time (an app's
    code, once used, is refused for the rest of its 30 seconds)."""
    code = recovery_code(user, StaticToken.random_token()) if required_for(user) else None
    page.goto(page.base_url + "/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("#login-submit")
    if code:
        page.wait_for_url(re.compile(r"/second-factor/"))
        page.fill("#id_code", code)
        page.click("#second-factor-submit")
    page.wait_for_url(page.base_url + "/")


def log_out(page):
    page.click("header form[action='/logout/'] button[type=submit]")
    page.wait_for_url(re.compile(r"/login/"))


def open_agreement(page, agreement):
    page.goto(f"{page.base_url}/agreements/{agreement.pk}/")


def today():
    return timezone.localdate().strftime("%d/%m/%Y")


def vi(message, **params):
    """A message as the Vietnamese UI shows it (in English while the catalogue lacks it)."""
    with translation.override("vi"):
        return gettext(message) % params


def record_opinion(page, request, letter, *, letter_number, position, general_comment="", comments=()):
    """From the navigation's inbox, the opinion of `request`'s addressee, with the scanned letter at the
    path `letter` and `comments` as (anchor key, text); lands on the opinion's page."""
    page.click("#nav-inbox")
    page.wait_for_url(page.base_url + "/agreements/inbox/")
    page.click(f"#inbox a[href='/agreements/{request.agreement_id}/requests/{request.pk}/opinion/']")
    page.fill("#id_letter_number", letter_number)
    page.fill("#id_letter_date", today())
    page.fill("#id_signatory", "Nguyễn Minh Lợi")
    page.fill("#id_signatory_title", "Cục trưởng")
    page.check(f"#opinion-form input[name=position][value={position}]")
    page.fill("#id_general_comment", general_comment)
    for row, (anchor, text) in enumerate(comments):
        page.select_option(f"#id_comments-{row}-anchor", anchor)
        page.fill(f"#id_comments-{row}-text", text)
    page.set_input_files("#id_letter", str(letter))
    page.click("#opinion-submit")
    page.wait_for_url(re.compile(rf"/agreements/{request.agreement_id}/opinions/\d+/$"))


def answer(page, comment, kind, text):
    """On the opinion's page, the drafter's answer to one comment: "taken_in" or "explained"."""
    page.check(f"input[name='c{comment.pk}-kind'][value={kind}]")
    page.fill(f"textarea[name='c{comment.pk}-text']", text)
    with page.expect_navigation():
        page.click(f"#comment-{comment.pk} form button[type=submit]")


def fill_signing(page, *, number):
    page.fill("#id_number", str(number))
    page.fill("#id_symbol", "BB-CNTT")
    page.fill("#id_signed_on", today())
    page.fill("#id_place", "Hà Nội")
    page.fill("#id_handing_signatory", "Phạm Đức Long")
    page.fill("#id_handing_signatory_title", "Cục trưởng")
    page.fill("#id_receiving_signatory", "Nguyễn Văn A")
    page.fill("#id_receiving_signatory_title", "Giám đốc")


def sign(page, agreement, *, number=15):
    """From the agreement's page, the signing recorded with every detail given; the response."""
    open_agreement(page, agreement)
    page.click(f"a[href='/agreements/{agreement.pk}/sign/confirm/']")
    fill_signing(page, number=number)
    return confirm(page, agreement, "sign")


def confirm(page, agreement, action):
    """Press the confirmation page's button for `action`; the response the browser got."""
    with page.expect_navigation() as navigation:
        page.click(f"form[action='/agreements/{agreement.pk}/{action}/'] button[type=submit]")
    return navigation.value


def refusals(page):
    return [item.strip() for item in page.locator("#refusals li").all_inner_texts()]
