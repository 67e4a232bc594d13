"""Issue 14: Django's default messages leaked English into Vietnamese pages ("Hãy sửa các dữ liệu trùng lặp cho
department ."). Every such message the product can show has our own wording, marked for translation.
The Vietnamese assertions need the compiled catalogue (locale/vi)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from agreements.forms import ReviewRequestFormSet
from tests.agreements.edit_page_posts import edit_page
from tests.factories import PartnerFactory, draft
from tests.partners.test_tax_code import _form

pytestmark = pytest.mark.django_db

# Words of Django's own English messages: duplicates, unique checks, constraints, required fields.
DJANGO_ENGLISH = re.compile(r"\b(Please|correct|duplicate|data|with|this|already|exists|Constraint|violated|"
                            r"unique|field|required|department|tax_code)\b")


def _errors(page):
    """The text of every error the page shows: beside a field, above a form, in a banner."""
    found = re.findall(r'<(?:ul|div|p)[^>]*class="[^"]*(?:errorlist|refusals|error)[^"]*"[^>]*>(.*?)</(?:ul|div|p)>',
                       page, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", text).split()) for text in found]


def _duplicate_department(client, agreement):
    data = edit_page(agreement)
    data.update({"reviews-1-department": data["reviews-0-department"], "reviews-1-letter_number": "9/CNTT",
                 "reviews-TOTAL_FORMS": "2"})
    return client.post(reverse("agreements:edit", args=[agreement.pk]), data).content.decode()


def test_a_department_asked_twice_is_refused_in_vietnamese_only(login, drafter):
    errors = _errors(_duplicate_department(login(drafter, language=None), draft(by=drafter)))
    assert "Đơn vị này đã có trong danh sách xin ý kiến." in " ".join(errors)
    assert not [e for e in errors if DJANGO_ENGLISH.search(e)]


def test_a_department_asked_twice_is_refused_in_english_in_our_words(login, drafter):
    errors = _errors(_duplicate_department(login(drafter), draft(by=drafter)))
    assert "This department is already asked." in " ".join(errors)
    assert "Please correct" not in " ".join(errors)


def test_the_formsets_own_duplicate_message_names_the_field_by_its_label():
    formset = ReviewRequestFormSet()
    with translation.override("en"):
        assert str(formset.get_unique_error_message(("agreement", "department"))) == \
            "The same department appears on two rows: keep it on one."
    with translation.override("vi"):
        said = str(formset.get_unique_error_message(("agreement", "department")))
        assert said.startswith("Cùng một ") and not DJANGO_ENGLISH.search(said)


def test_a_tax_code_already_registered_is_refused_in_vietnamese_only(login, drafter):
    PartnerFactory(tax_code="0101234567")
    page = login(drafter, language=None).post(reverse("partners:create"), _form(tax_code="0101234567"))
    errors = _errors(page.content.decode())
    assert "Đã có đơn vị tiếp nhận đăng ký với mã số thuế này." in " ".join(errors)
    assert not [e for e in errors if DJANGO_ENGLISH.search(e)]


def test_a_common_password_is_refused_in_vietnamese_only(login, drafter):
    page = login(drafter, language=None).post(reverse("password_change"), {
        "old_password": "pw", "new_password1": "password1234", "new_password2": "password1234"}).content.decode()
    errors = _errors(page)
    assert "Quá phổ biến: mật khẩu này nằm trong danh sách những mật khẩu bị thử đầu tiên." in " ".join(errors)
    assert not [e for e in errors if DJANGO_ENGLISH.search(e)]


def test_a_wrong_password_at_login_is_refused_in_vietnamese_only(client, drafter):
    page = client.post(reverse("login"), {"username": "drafter", "password": "wrong"}).content.decode()
    errors = _errors(page)
    assert "Tên đăng nhập hoặc mật khẩu không đúng. Cả hai đều phân biệt chữ hoa, chữ thường." in " ".join(errors)
    assert not [e for e in errors if DJANGO_ENGLISH.search(e)]
