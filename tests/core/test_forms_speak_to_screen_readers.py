"""What a screen reader or keyboard user gets from our forms (issue 14): each input's aria-describedby names
ids that are on the page (its help and its errors), an invalid input says so, required fields are marked for
the eye and the ear, a failed submit opens with an error summary (role="alert") and a title saying "Error",
and a skip link to the main content comes before everything else."""

from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


class Elements(HTMLParser):
    """The page's elements in order, each as (tag, attributes, text directly inside it)."""

    def __init__(self, html):
        super().__init__()
        self.found, self.open = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append([tag, dict(attrs), ""])
        if tag not in ("input", "br", "meta", "link", "img", "hr"):
            self.open.append(self.found[-1])

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        for element in self.open:
            element[2] += data

    def by_id(self, id_):
        return next((e for e in self.found if e[1].get("id") == id_), None)

    def all(self, tag=None, **attrs):
        return [e for e in self.found if (tag is None or e[0] == tag)
                and all(e[1].get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())]


def _page(response):
    return Elements(response.content.decode())


@pytest.fixture
def visitor(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_an_invalid_field_says_so_and_points_to_its_error(visitor):
    page = _page(visitor.post(reverse("login"), {"username": "", "password": "x"}))
    field = page.by_id("id_username")
    assert field[1]["aria-invalid"] == "true"
    assert field[1]["aria-describedby"] == "id_username_error"
    assert "This field is required." in page.by_id("id_username_error")[2]


def test_a_valid_field_is_not_marked_invalid(visitor):
    page = _page(visitor.post(reverse("login"), {"username": "", "password": "x"}))
    assert "aria-invalid" not in page.by_id("id_password")[1]
    assert "aria-invalid" not in _page(visitor.get(reverse("login"))).by_id("id_username")[1]


def test_a_help_text_carries_the_id_its_input_names(login, drafter):
    page = _page(login(drafter).get(reverse("password_change")))
    assert page.by_id("id_new_password1")[1]["aria-describedby"] == "id_new_password1_helptext"
    assert "12 characters" in page.by_id("id_new_password1_helptext")[2]


def test_every_id_a_failed_form_describes_its_inputs_with_is_on_the_page(login, drafter):
    response = login(drafter).post(reverse("agreements:create"), {"title": ""})
    page = _page(response)
    described = [e for e in page.found if "aria-describedby" in e[1]]
    assert len([e for e in described if e[1].get("aria-invalid") == "true"]) >= 2
    for element in described:
        for id_ in element[1]["aria-describedby"].split():
            assert page.by_id(id_) is not None, f"{element[1].get('name')} points to a missing {id_}"


def test_required_fields_are_marked_for_the_eye_and_for_screen_readers(visitor):
    page = _page(visitor.get(reverse("login")))
    label = page.all("label", for_="id_username")[0]
    assert label[2].split() == ["Username", "*", "(required)"]
    assert page.all("span", class_="required-mark", aria_hidden="true")
    assert page.all("span", class_="visually-hidden")
    assert "required" in page.by_id("id_username")[1]


def test_a_failed_submit_opens_with_an_alert_summary_and_an_error_title(visitor):
    page = _page(visitor.post(reverse("login"), {"username": "nobody", "password": "wrong"}))
    [summary] = page.all("div", role="alert")
    assert "data-error-summary" in summary[1] and summary[1]["tabindex"] == "-1"
    assert "The user name or the password is wrong." in summary[2]  # our own words (core/passwords.py)
    assert page.all("title")[0][2].startswith("Error: Log in")


def test_a_field_error_in_the_summary_links_to_its_field(visitor):
    page = _page(visitor.post(reverse("login"), {"username": "", "password": "x"}))
    [summary] = page.all("div", role="alert")
    assert "Username: This field is required." in summary[2]
    assert page.all("a", href="#id_username")


def test_a_page_without_errors_has_no_summary_and_a_plain_title(visitor):
    page = _page(visitor.get(reverse("login")))
    assert page.all("div", role="alert") == []
    assert page.all("title")[0][2].startswith("Log in")


def test_the_title_says_error_in_vietnamese_too(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    page = _page(client.post(reverse("login"), {"username": "", "password": "x"}))
    assert page.all("title")[0][2].startswith("Lỗi: ")


@pytest.mark.parametrize("path", ["/login/", "/verify/"])
def test_the_skip_link_comes_first_and_leads_to_the_main_content(visitor, path):
    page = _page(visitor.get(path))
    focusable = [e for e in page.found if e[0] in ("a", "button", "input", "select", "textarea")
                 and e[1].get("type") != "hidden"]
    assert focusable[0][1] == {"class": "skip-link", "href": "#main"}
    assert page.by_id("main")[0] == "main"


def test_a_signed_in_page_starts_with_the_skip_link_too(login, drafter):
    page = _page(login(drafter).get(reverse("agreements:list")))
    assert [e for e in page.found if e[0] in ("a", "button")][0][1]["class"] == "skip-link"
