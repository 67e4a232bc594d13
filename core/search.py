"""Searching as people type: without regard to case or Vietnamese diacritics ("ha noi" finds "Hà Nội"), each
word of the search matching the start of a word of the object ("hong" finds "Hồng Hà", not "Phòng").

Text is folded once, in Python, by one function: when an object's search document is written and when a
search is read. PostgreSQL and the SQLite demo therefore answer a search alike; on PostgreSQL a trigram
index (pg_trgm) over the documents makes "contains" fast. Each app writes the documents of its own objects
(`index`) when they change and says how to rebuild them all (`REBUILDERS`)."""

import re
import unicodedata

# Letters that carry no combining mark to strip: "đ" is a letter of its own, not "d" with an accent.
OWN_LETTERS = str.maketrans({"đ": "d", "ð": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss"})
SPACES = re.compile(r"\s+")
WORD = re.compile(r"\w+")
# label → a function that writes the documents of every object of that model (used after bulk loads).
REBUILDERS = {}


def fold(text):
    """`text` lower-cased, without diacritics, its runs of spaces made one: "Sở Y tế  Hà Nội" → "so y te ha noi"."""
    decomposed = unicodedata.normalize("NFD", str(text).lower().translate(OWN_LETTERS))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return SPACES.sub(" ", bare).strip()


def words(text):
    """The folded words of a text, punctuation left out ("01/BB-CNTT" is "01", "bb", "cntt"); a repeated word
    once."""
    return list(dict.fromkeys(WORD.findall(fold(text))))


def document(*parts):
    """One document from an object's searchable texts: their words, each after a space, so that " word" in it
    is a word that starts so. Empty parts are left out."""
    return "".join(f" {word}" for part in parts if part not in (None, "") for word in words(part))


def index(label, texts):
    """Write the documents {object id: text} of the model `label`, replacing what they said before."""
    from core.models import SearchDocument

    if texts:
        SearchDocument.objects.bulk_create(
            [SearchDocument(model=label, object_id=pk, text=text) for pk, text in texts.items()],
            update_conflicts=True, unique_fields=["model", "object_id"], update_fields=["text"])


def forget(label, object_ids):
    from core.models import SearchDocument

    SearchDocument.objects.filter(model=label, object_id__in=object_ids).delete()


def matching(label, text):
    """The ids (a subquery) of the objects of `label` with a word starting with each word of `text`."""
    from core.models import SearchDocument

    found = SearchDocument.objects.filter(model=label)
    for word in words(text):
        found = found.filter(text__contains=f" {word}")
    return found.values("object_id")


def rebuild(labels=None):
    """Write again every document of the models `labels` (all by default): after a bulk load or a restore."""
    for label, rebuilder in REBUILDERS.items():
        if labels is None or label in labels:
            rebuilder()

