"""Reading the auditors' timeline in tests: the rows of a page, and a clause's text changed the way the
edit page changes it."""

from django.urls import reverse

from agreements import services


def timeline(client, **filters):
    response = client.get(reverse("audit"), filters)
    assert response.status_code == 200
    return response


def rows(client, **filters):
    return timeline(client, **filters).context["rows"]


def change_clause(agreement, *, by, position, text, reason="Sửa điều khoản"):
    """Every clause kept as it is but the one at `position`, whose text becomes `text`."""
    kept = [services.Row(c.pk, {"position": c.position, "section": c.section, "heading": c.heading,
                                "text": text if c.position == position else c.text})
            for c in agreement.clauses.order_by("position")]
    return services.agreement_update(agreement=agreement, by=by, clauses=kept, reason=reason)
