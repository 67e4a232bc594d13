"""Load the 63 earlier and 34 current provincial-level units (core/data/provinces.csv)."""

import csv
import datetime
from pathlib import Path

from django.db import migrations

CSV = Path(__file__).resolve().parent.parent / "data" / "provinces.csv"


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def load(apps, schema_editor):
    Province = apps.get_model("core", "Province")
    with CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    current = {}
    for row in rows:
        if row["valid_from"]:
            current[row["code"]] = Province.objects.create(
                code=row["code"], name=row["name"], kind=row["kind"],
                valid_from=_date(row["valid_from"]), valid_to=_date(row["valid_to"]))
    for row in rows:
        if not row["valid_from"]:
            Province.objects.create(
                code=row["code"], name=row["name"], kind=row["kind"], valid_from=None,
                valid_to=_date(row["valid_to"]), successor=current.get(row["successor_code"]))


def unload(apps, schema_editor):
    apps.get_model("core", "Province").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
