"""How each side signs (issue 9, items 3 and 6; Decree 30/2020/NĐ-CP, Article 13): the signer chooses
the form of signing on behalf (TM., KT., TL., TL. and KT., TUQ., Q., or in one's own right), and the
signed copy prints the position lines of that form above the signature, names in its body the person
who signs with the words saying on whose behalf, calls itself an electronic copy and prints the full
address of the verification page. Signing is refused without the position signed for when the form
needs one, without the form of address of a signatory who is not the representative named in the
draft, and while the public address of the verification page is not set."""

import datetime
import re

import pytest
from django.urls import reverse

from agreements import services
from agreements.models import Agreement
from tests.agreements.legal_content import sign
from tests.agreements.pdf_reading import stored, text
from tests.factories import SIGNATORIES, agreed, in_review, on_day
from tests.pages import refusals

pytestmark = pytest.mark.django_db
S = Agreement.Status
DAY = datetime.date(2025, 12, 28)
FORM = {"number": "1", "signed_on": "28/12/2025", "reason": "", **SIGNATORIES}

ON_WHOSE_BEHALF = "Say on whose behalf the handing party signs (e.g. “Bộ trưởng”, “Cục trưởng”)."
FOR_WHICH_HEAD = "Say for which head the deputy of the handing party signs (e.g. “Cục trưởng”)."
SIGNATORY_HONORIFIC = "Say how the minutes address the signatory of the handing party (Ông or Bà)."
NO_PUBLIC_ADDRESS = ("The public address of the verification page is not set (DJANGO_PUBLIC_BASE_URL): the signed copy "
                     "must print the full address where anyone can check it.")

HANDING_FORMS = ("The Department signs for the Ministry: by order of the Minister (TL.), with its deputy head signing "
                 "for its head (TL. and KT.), or by the Minister's written authorisation (TUQ.) (Decree 30/2020/NĐ-CP, "
                 "Article 13).")

DEPUTY = {"signatory": "Nguyễn Thị Hà", "signatory_title": "Phó Cục trưởng", "signatory_honorific": "Bà"}
HEAD = {"signatory": "Phạm Đức Long", "signatory_title": "Cục trưởng", "signatory_honorific": "Ông"}
PARTNER_DEPUTY = {"signatory": "Lê Văn C", "signatory_title": "Phó Giám đốc", "signatory_honorific": "Ông"}
PARTNER_HEAD = {"signatory": "Nguyễn Văn A", "signatory_title": "Giám đốc", "signatory_honorific": "Bà"}

# form: (side, who signs, signed for, the deputy signs for, position lines printed, the body's words). The
# Department signs for the Ministry by order or authorisation of the Minister; the partner in any form.
FORMS = {
    "TL": ("handing", HEAD, "Bộ trưởng", "", ["TL. BỘ TRƯỞNG", "CỤC TRƯỞNG"],
           "Đại diện: Ông Phạm Đức Long - Chức vụ: Cục trưởng, thừa lệnh Bộ trưởng. BÊN NHẬN"),
    "TUQ": ("handing", HEAD, "Bộ trưởng", "", ["TUQ. BỘ TRƯỞNG", "CỤC TRƯỞNG"],
            "Đại diện: Ông Phạm Đức Long - Chức vụ: Cục trưởng, thừa ủy quyền Bộ trưởng. BÊN NHẬN"),
    "TL_KT": ("handing", DEPUTY, "Bộ trưởng", "Cục trưởng", ["TL. BỘ TRƯỞNG", "KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"],
              "Đại diện: Bà Nguyễn Thị Hà - Chức vụ: Phó Cục trưởng, thừa lệnh Bộ trưởng, ký thay Cục trưởng. "
              "BÊN NHẬN"),
    "own right": ("receiving", PARTNER_HEAD, "", "", ["GIÁM ĐỐC"],
                  "Đại diện: Bà Nguyễn Văn A - Chức vụ: Giám đốc, theo Điều lệ"),
    "KT": ("receiving", PARTNER_DEPUTY, "Giám đốc", "", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
           "Đại diện: Ông Lê Văn C - Chức vụ: Phó Giám đốc, ký thay Giám đốc, theo Điều lệ"),
    "Q": ("receiving", PARTNER_DEPUTY, "Giám đốc", "", ["Q. GIÁM ĐỐC"],
          "Đại diện: Ông Lê Văn C - Chức vụ: Phó Giám đốc, quyền Giám đốc, theo Điều lệ"),
    "TM": ("receiving", {"signatory": "Trần Văn Bình", "signatory_title": "Chủ tịch", "signatory_honorific": "Ông"},
           "Hội đồng quản trị", "", ["TM. HỘI ĐỒNG QUẢN TRỊ", "CHỦ TỊCH"],
           "Đại diện: Ông Trần Văn Bình - Chức vụ: Chủ tịch, thay mặt Hội đồng quản trị, theo Điều lệ"),
}


@pytest.fixture(autouse=True)
def clock():
    with on_day(DAY) as traveller:
        yield traveller


@pytest.fixture
def ready(drafter):
    """Minutes in review, every opinion in; represented by Ông Phạm Đức Long, Cục trưởng, and by the
    partner's Giám đốc Nguyễn Văn A, addressed as Bà in the draft."""
    return agreed(in_review(by=drafter))


def _how(side, form, who, signed_for, head=""):
    return {f"{side}_{name}": value for name, value in {
        "sign_form": form, "signed_for": signed_for, "signed_for_head": head, **who}.items()}


def _refusals(agreement, by, **changes):
    with pytest.raises(services.TransitionRefused) as refused:
        sign(agreement, by, DAY, **changes)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.signed_on) == (S.REVIEW, None)
    return refused.value.reasons


def _signature_block(printed, handing_name):
    """The position lines printed above each signature, read from the copy's text in order."""
    found = re.search(r"ĐẠI DIỆN BÊN GIAO (.*?) ĐẠI DIỆN BÊN NHẬN (.*?) " + re.escape(handing_name), printed)
    return found.group(1), found.group(2)


# --- the position lines and the body's words, read back from the signed copy ----------------------

@pytest.mark.parametrize("form", FORMS)
def test_the_signed_copy_prints_the_position_lines_and_words_of_the_form_of_signing(signer, ready, form):
    side, who, signed_for, head, lines, words = FORMS[form]
    code = "" if form == "own right" else form
    done = sign(ready, signer, DAY, **_how(side, code, who, signed_for, head))
    printed = text(stored(done))
    handing_name = done.handing_signatory
    handing_lines, receiving_lines = _signature_block(printed, handing_name)
    expected = " ".join(lines)
    assert (handing_lines if side == "handing" else receiving_lines) == expected
    assert words in printed
    assert f"{handing_name} {done.receiving_signatory} Nơi nhận:" in printed  # the names under the signatures


def test_the_body_names_the_deputy_who_signs_not_the_head_named_in_the_draft(signer, ready):
    assert ready.handing_representative == "Phạm Đức Long"
    done = sign(ready, signer, DAY, **_how("handing", "TL_KT", DEPUTY, "Bộ trưởng", "Cục trưởng"))
    printed = text(stored(done))
    assert "Đại diện: Bà Nguyễn Thị Hà - Chức vụ: Phó Cục trưởng, thừa lệnh Bộ trưởng, ký thay Cục trưởng." in printed
    assert "Phạm Đức Long" not in printed


def test_the_representative_who_signs_keeps_the_form_of_address_of_the_draft(signer, ready):
    assert ready.receiving_honorific == "Bà"
    done = sign(ready, signer, DAY, receiving_signatory_honorific="")  # Nguyễn Văn A, the representative, signs
    assert done.receiving_signatory_honorific == "Bà"
    assert "Đại diện: Bà Nguyễn Văn A - Chức vụ: Giám đốc" in text(stored(done))


# --- what each form needs --------------------------------------------------------------------------

@pytest.mark.parametrize("form", ["TL", "TUQ", "TL_KT"])
def test_signing_on_behalf_is_refused_without_the_position_signed_for(signer, ready, form):
    how = _how("handing", form, DEPUTY, "", "Cục trưởng")
    assert _refusals(ready, signer, **how) == [ON_WHOSE_BEHALF]


@pytest.mark.parametrize("form", ["", "KT", "TM", "Q"])
def test_the_department_cannot_sign_for_the_ministry_in_its_own_right_or_as_its_own_deputy(signer, ready, form):
    assert _refusals(ready, signer, **_how("handing", form, HEAD, "Cục trưởng")) == [HANDING_FORMS]


def test_signing_in_ones_own_right_needs_no_position_signed_for(signer, ready):
    assert sign(ready, signer, DAY, **_how("receiving", "", PARTNER_HEAD, "")).status == S.SIGNED


def test_the_receiving_side_is_named_when_its_position_signed_for_is_missing(signer, ready):
    how = _how("receiving", "KT", {"signatory": "Lê Văn C", "signatory_title": "Phó Giám đốc",
                                   "signatory_honorific": "Ông"}, "")
    assert _refusals(ready, signer, **how) == [
        "Say on whose behalf the receiving party signs (e.g. “Bộ trưởng”, “Cục trưởng”)."]


def test_a_deputy_signing_by_order_is_refused_without_the_head_signed_for(signer, ready):
    assert _refusals(ready, signer, **_how("handing", "TL_KT", DEPUTY, "Bộ trưởng", "")) == [FOR_WHICH_HEAD]


def test_an_unknown_form_of_signing_is_refused(signer, ready):
    assert _refusals(ready, signer, **_how("handing", "XX", HEAD, "Bộ trưởng")) == [
        "Choose how the handing party signs."]


def test_a_signatory_other_than_the_representative_needs_a_form_of_address(signer, ready):
    who = {**DEPUTY, "signatory_honorific": ""}
    assert _refusals(ready, signer, **_how("handing", "TL_KT", who, "Bộ trưởng", "Cục trưởng")) == [
        SIGNATORY_HONORIFIC]


def test_a_signatory_other_than_the_representative_signs_with_a_form_of_address(signer, ready):
    done = sign(ready, signer, DAY, **_how("handing", "TL_KT", DEPUTY, "Bộ trưởng", "Cục trưởng"))
    assert (done.status, done.handing_signatory_honorific) == (S.SIGNED, "Bà")


# --- the public address of the verification page ---------------------------------------------------

@pytest.mark.parametrize("base", ["", "hssk.moh.gov.vn", "https://"], ids=["empty", "no scheme", "no host"])
def test_signing_is_refused_while_the_public_address_is_not_set(settings, signer, ready, base):
    settings.PUBLIC_BASE_URL = base
    assert _refusals(ready, signer) == [NO_PUBLIC_ADDRESS]


def test_the_signed_copy_is_an_electronic_copy_with_the_full_address_of_the_verification_page(settings, signer,
                                                                                              ready):
    settings.PUBLIC_BASE_URL = "https://hssk.moh.gov.vn/"
    printed = text(stored(sign(ready, signer, DAY)))
    assert "Bản điện tử của biên bản đã ký, không mang chữ ký số" in printed
    assert "Bản ký chính thức" not in printed
    assert f"Kiểm tra tính xác thực tại: https://hssk.moh.gov.vn{reverse('verify')}" in printed


# --- from the page ----------------------------------------------------------------------------------

def _post(client, agreement, **changes):
    return client.post(reverse("agreements:transition", args=[agreement.pk, "sign"]), {**FORM, **changes})


def test_the_page_refuses_a_deputy_signing_without_the_position_signed_for(login, signer, ready):
    response = _post(login(signer), ready, handing_signatory="Nguyễn Thị Hà", handing_signatory_title="Phó Cục trưởng",
                     handing_signatory_honorific="Bà", handing_sign_form="TL_KT", handing_signed_for="",
                     handing_signed_for_head="Cục trưởng")
    assert response.status_code == 409
    assert refusals(response) == [ON_WHOSE_BEHALF]
    ready.refresh_from_db()
    assert ready.status == S.REVIEW


def test_the_page_refuses_signing_while_the_public_address_is_not_set(settings, login, signer, ready):
    settings.PUBLIC_BASE_URL = ""
    response = _post(login(signer), ready)
    assert response.status_code == 409
    assert refusals(response) == [NO_PUBLIC_ADDRESS]


def test_the_page_records_a_deputy_signing_for_the_head_by_order_of_the_minister(login, signer, ready):
    response = _post(login(signer), ready, handing_signatory="Nguyễn Thị Hà", handing_signatory_title="Phó Cục trưởng",
                     handing_signatory_honorific="Bà", handing_sign_form="TL_KT", handing_signed_for="Bộ trưởng",
                     handing_signed_for_head="Cục trưởng")
    assert response.status_code == 302
    ready.refresh_from_db()
    assert (ready.status, ready.handing_sign_form, ready.handing_signed_for, ready.handing_signed_for_head) == (
        S.SIGNED, "TL_KT", "Bộ trưởng", "Cục trưởng")
    assert _signature_block(text(stored(ready)), "Nguyễn Thị Hà")[0] == "TL. BỘ TRƯỞNG KT. CỤC TRƯỞNG PHÓ CỤC TRƯỞNG"
