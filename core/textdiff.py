"""Which words went and which came between two texts: the versions' comparison, the history page and the
auditors' timeline all show a changed text this one way."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Words and the spaces between them; \S is Unicode-aware, so "Nguyễn" or "được" stays one word.
TOKENS = re.compile(r"\S+|\s+")
# A text this long, or of more than one line, is shown as a word diff rather than as before → after:
# the change at the end of a long clause is the one a reader must not miss.
LONG_TEXT = 200


def is_long(value):
    return isinstance(value, str) and ("\n" in value or len(value) > LONG_TEXT)


def words(old, new):
    """[(op, text)] turning `old` into `new` word by word: op is "equal", "delete" or "insert". A lone
    space between two changed words belongs to the change, so "Hà Nội" → "Bắc Ninh" reads as one."""
    a, b = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    runs = []
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        gap = 0 < n < len(opcodes) - 1 and not "".join(b[j1:j2]).strip()
        if tag == "equal" and not gap:
            _add(runs, "equal", b[j1:j2])
        else:
            _add(runs, "delete", a[i1:i2])
            _add(runs, "insert", b[j1:j2])
    return [tuple(run) for run in runs]


def _add(runs, op, tokens):
    """Extend the run of the same op within the current change (a deletion may sit before an insertion),
    or start a new run."""
    text = "".join(tokens)
    if not text:
        return
    for run in reversed(runs[-2:] if op != "equal" else runs[-1:]):
        if run[0] == op:
            run[1] += text
            return
        if run[0] == "equal":
            break
    runs.append([op, text])


TAGS = {"delete": "<del>{}</del>", "insert": "<ins>{}</ins>", "equal": "{}"}


def words_html(old, new):
    """The word diff as HTML: deleted words in <del>, inserted in <ins>, every word escaped."""
    return mark_safe("".join(TAGS[op].format(escape(text)) for op, text in words(old, new)))

