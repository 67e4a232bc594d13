"""Helpers of the coverage page's tests (test_coverage_*.py): the page on a day, one province's row from the
template's context, and its square on the map and its charts read from the SVG the page draws (parsed as HTML,
never with regular expressions)."""

import tinyhtml5
from django.urls import reverse

from tests.factories import on_day

SVG = "{http://www.w3.org/2000/svg}"
URL = reverse("agreements:coverage")


def coverage_on(client, day):
    with on_day(day):
        return client.get(URL)


def row(response, code):
    """The page's ProvinceCoverage of today's province `code`."""
    return next(item for item in response.context["rows"] if item.province.code == code)


def holders(response, code):
    """[(partner short name, minutes' number and symbol)] of the province, as the table lists them."""
    return [(holding.partner.short_name, holding.agreement.number_and_symbol)
            for holding in row(response, code).holdings]


def tile(response, code):
    """The map's square of the province: {"state", "fill", "title", "mark", "hatched", "dashed", "href"}."""
    page = tinyhtml5.parse(response.text)
    square = next(element for element in page.iter(f"{SVG}a") if element.get("data-code") == code)
    rects = list(square.iter(f"{SVG}rect"))
    return {"state": square.get("data-state"), "href": square.get("href"), "fill": rects[0].get("fill"),
            "title": square.find(f"{SVG}title").text, "mark": list(square.iter(f"{SVG}text"))[-1].text,
            "hatched": any(rect.get("class") == "hatch" for rect in rects),
            "dashed": any(rect.get("class") == "risk-border" for rect in rects)}


def table_state(response, code):
    """The state written in the province's first table row: (data-state, the badge's words)."""
    page = tinyhtml5.parse(response.text)
    found = next(element for element in page.iter("{http://www.w3.org/1999/xhtml}tr")
                 if element.get("id") == f"province-{code}")
    badge = next(span for span in found.iter("{http://www.w3.org/1999/xhtml}span") if "badge" in span.get("class", ""))
    return found.get("data-state"), badge.text


def chart_points(response, code, agreement):
    """{chart kind: [(period start "yyyy-mm-dd", value)]} of the province's charts under `agreement`."""
    page = tinyhtml5.parse(response.text)
    figure = next(element for element in page.iter("{http://www.w3.org/1999/xhtml}figure")
                  if element.get("id") == f"chart-{code}-{agreement.pk}")
    return {svg.get("data-kind"): [(mark.get("data-day"), int(mark.get("data-value")))
                                   for mark in svg.iter(f"{SVG}g") if mark.get("class") == "mark"]
            for svg in figure.iter(f"{SVG}svg")}
