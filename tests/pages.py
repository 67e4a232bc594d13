"""Reading what a page shows through the template context, never with regular expressions."""

from django.contrib.messages import get_messages


def refusals(response):
    """The reasons listed in the "This cannot be done yet" box of a confirmation page."""
    return [str(reason) for reason in response.context["refusals"]]


def field_errors(response, name, form="form"):
    """The errors shown beside the field `name` of the page's form."""
    found = response.context[form]
    assert name in found.fields, f"the form has no field {name!r}"
    return list(found.errors.get(name, []))


def form_errors(response, form="form"):
    """The errors shown at the top of the page's form, for no field in particular."""
    return list(response.context[form].non_field_errors())


def flash_messages(response):
    """The messages the user reads on the page (follow=True) or on the next one (a redirect)."""
    if response.context is not None and "messages" in response.context:
        return [str(m) for m in response.context["messages"]]
    return [str(m) for m in get_messages(response.wsgi_request)]
