"""Issue 14: English, when chosen, is complete too, and Vietnamese has no English left. The main pages of each
role are read in both languages; the text of the page's own words (headings, labels, buttons, table heads,
links of the menu), not the data cells, is compared against the catalogue (locale/vi): an English page shows
no Vietnamese of the catalogue nor any Vietnamese letter in those words, a Vietnamese page no English source
that the catalogue translates. Needs the compiled catalogue."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import draft, in_review, reviewer_of

pytestmark = pytest.mark.django_db

# The page's own words; data (cells, definitions, options, typed texts) is left out.
OWN_WORDS = {"th", "label", "button", "legend", "h2", "h3", "nav", "summary"}
DATA = {"td", "dd", "option", "textarea", "script", "style", "select"}
# Where no data is ever written: here any Vietnamese letter in an English page is a leak (a label may name a
# library entry, a heading a partner; those are judged against the catalogue only).
NEVER_DATA = {"th", "button", "legend"}
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def _catalogue():
    po = (Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', po, re.M)
    return {msgid: msgstr for msgid, msgstr in pairs if msgid != msgstr and "%" not in msgid and len(msgid) > 3}


class _OwnWords(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open, self.words = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in {"br", "img", "input", "meta", "link", "hr", "wbr"}:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not DATA & set(self.open) and OWN_WORDS & set(self.open):
            self.words.append((text, bool(NEVER_DATA & set(self.open))))


def _own_words(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = _OwnWords()
    parser.feed(response.content.decode())
    return parser.words


@pytest.fixture
def pages_by_role(drafter, assessor, auditor, vnpt, vnpt_user):
    made = draft(by=drafter, partner=vnpt)
    sent = in_review(partner=vnpt)
    reviewer = reviewer_of(sent.review_requests.get().department)
    return [
        (drafter, [reverse("dashboard"), reverse("agreements:list"), reverse("agreements:detail", args=[made.pk]),
                   reverse("agreements:edit", args=[made.pk]), reverse("partners:list")]),
        (assessor, [reverse("conditions:list"), reverse("conditions:eligibility"), reverse("conditions:queue")]),
        (reviewer, [reverse("agreements:inbox"), reverse("agreements:detail", args=[sent.pk])]),
        (vnpt_user, [reverse("dashboard"), reverse("conditions:partner_eligibility", args=[vnpt.pk])]),
        (auditor, [reverse("audit")]),
    ]


def test_english_pages_show_no_vietnamese_words_of_their_own(login, pages_by_role):
    vietnamese = set(_catalogue().values())
    found = []
    for user, urls in pages_by_role:
        client = login(user, language="en")
        for url in urls:
            found += [(url, w) for w, never_data in _own_words(client, url)
                      if w in vietnamese or (never_data and VIETNAMESE_LETTERS.search(w))]
    assert found == [], "\n".join(map(str, found))


def test_vietnamese_pages_show_no_english_source_the_catalogue_translates(login, pages_by_role):
    english = set(_catalogue())
    found = []
    for user, urls in pages_by_role:
        client = login(user, language="vi")
        for url in urls:
            found += [(url, w) for w, _never_data in _own_words(client, url) if w in english]
    assert found == [], "\n".join(map(str, found))
