"""The Vietnamese catalogue is complete: every UI string translated, placeholders kept."""

import gettext
import re
from pathlib import Path

from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{ *\w+ *\}\}")


def _entries():
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        flags = " ".join(line for line in lines if line.startswith("#,"))
        fields, current = {}, None
        for line in lines:
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            yield fields, flags


def test_every_string_has_a_vietnamese_translation_that_is_not_fuzzy():
    missing = [f["msgid"] for f, flags in _entries()
               if "fuzzy" in flags or not (f.get("msgstr") or f.get("msgstr[0]"))]
    assert missing == []


def test_translations_keep_every_placeholder():
    broken = []
    for fields, _flags in _entries():
        translated = fields.get("msgstr") or fields.get("msgstr[0]") or ""
        # Vietnamese has one form for every number: it keeps the placeholders of the plural ("every %(months)d
        # months"), which the English singular may leave out ("every month").
        source = fields.get("msgid_plural", fields["msgid"])
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translated)):
            broken.append(fields["msgid"])
    assert broken == []


def test_the_compiled_catalogue_matches_its_source():
    with PO.with_suffix(".mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    stale = []
    for fields, _flags in _entries():
        if "msgid_plural" in fields:
            continue
        key = fields["msgid"]
        if "msgctxt" in fields:
            key = f"{fields['msgctxt']}\x04{key}"
        expected = fields["msgstr"].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        if catalogue._catalog.get(key.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")) != expected:
            stale.append(fields["msgid"])
    assert stale == []
