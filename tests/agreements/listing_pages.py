"""Reading the agreement list in tests: the rows a query string lists, in order, on one page or on every
page reached by following the pager's links."""

from django.urls import reverse

LIST = reverse("agreements:list")


def list_page(client, query=""):
    """The list answered for `query` (a query string, with or without its "?"); it must answer 200."""
    response = client.get(LIST + "?" + query.removeprefix("?"))
    assert response.status_code == 200
    return response


def listed(client, query=""):
    """The agreements the first page lists for `query`, in the order shown."""
    return list(list_page(client, query).context["page"])


def following(client, query, link="next_link", most=40):
    """Every page from the one `query` names, following `link` ("next_link", "previous_link") to the end:
    the rows of each page, in order. Links that go round in circles fail after `most` pages."""
    pages = []
    page = list_page(client, query).context["page"]
    while True:
        assert len(pages) < most, f"{link} still leads on after {most} pages"
        pages.append(list(page))
        if getattr(page, link) is None:
            return pages
        page = list_page(client, getattr(page, link)).context["page"]
