"""The coverage page: every province in force today, who holds it and how its deployment stands, as a table, a
schematic map and small charts, printable on A4 landscape. For those who read every agreement (Ministry staff and
auditors); to anyone else, a partner user included, the page does not exist."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from agreements import coverage, coverage_map, permissions


def coverage_page(request):
    if not permissions.can_read_all(request.user):
        raise Http404
    today = timezone.localdate()
    rows = coverage.coverage(today)
    tiles, legend = coverage.map_tiles(rows)
    return render(request, "agreements/coverage.html", {
        "today": today, "rows": rows, "tiles": tiles, "legend": legend, "grid": coverage_map,
        "states": [(state, coverage.State.LABELS[state], coverage.State.MARKS[state])
                   for state in (*coverage.State.ORDER, coverage.State.NOT_COVERED)],
        "charted": [(row, holding) for row in rows for holding in row.holdings if holding.reports],
    })
