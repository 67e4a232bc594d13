"""The demo's SQLite answers the list's search as PostgreSQL does: the demo data, searched for "ha noi"
however it is written, gives the agreements whose texts say "Hà Nội" (their provinces, partner's names,
subject), and "hong ha" those of the unit Hồng Hà. Run in a process of its own, as `make run` serves it."""

import json

from tests.core.test_sqlite_demo_takes_concurrent_writes import on_the_demos_sqlite

SEARCHES = """
import io, json, os, sys
sys.path.insert(0, os.getcwd())
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("seed_demo", stdout=io.StringIO())
from agreements import listing
from agreements.models import Agreement

def found(q):
    form = listing.ListFilterForm({"q": q})
    assert form.is_valid(), form.errors
    return sorted(listing.selected(Agreement.objects.all(), form.cleaned_data).values_list("pk", flat=True))

def saying(text):
    said = []
    for a in Agreement.objects.select_related("partner").prefetch_related("scope__province__successor"):
        places = [name for s in a.scope.all() for name in (s.province.name, getattr(s.province.successor, "name", ""))]
        texts = [a.title, a.software_name, a.partner.short_name, a.partner.legal_name, *places]
        if any(text in t.lower() for t in texts):
            said.append(a.pk)
    return sorted(said)

queries = ["ha noi", "HÀ NỘI", "Hà Nội", "hong ha", "Hồng Hà", "oi", "VIETSENS"]
print(json.dumps({"found": {q: found(q) for q in queries},
                  "saying": {"ha noi": saying("hà nội"), "hong ha": saying("hồng hà"), "vietsens": saying("vietsens")},
                  "all": Agreement.objects.count()}))
"""


def test_the_demos_sqlite_finds_ha_noi_and_hong_ha_without_accents(tmp_path):
    answer = json.loads(on_the_demos_sqlite(tmp_path, SEARCHES).stdout.strip().splitlines()[-1])
    found, saying = answer["found"], answer["saying"]
    assert saying["ha noi"] and saying["hong ha"]
    assert found["ha noi"] == found["HÀ NỘI"] == found["Hà Nội"] == saying["ha noi"]
    assert found["hong ha"] == found["Hồng Hà"] == saying["hong ha"]
    assert found["VIETSENS"] == saying["vietsens"] and set(found["VIETSENS"]).isdisjoint(found["ha noi"])
    assert found["oi"] == []
    assert 0 < len(found["ha noi"]) < answer["all"]
