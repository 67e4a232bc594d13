"""Reading what a page shows: refusals, field errors and flash messages."""

import re
from html import unescape


def _items(html):
    return [unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in re.findall(r"<li[^>]*>(.*?)</li>", html, re.S)]


def refusals(response):
    """The reasons listed in the "This cannot be done yet" box of a confirmation page."""
    box = re.search(r'<div class="refusals" id="refusals">(.*?)</div>', response.content.decode(), re.S)
    return _items(box.group(1)) if box else []


def field_errors(response, name):
    """The errors printed inside the block of the form field called `name`."""
    blocks = response.content.decode().split('<div class="field">')[1:]
    for block in blocks:
        if re.search(rf'name="{re.escape(name)}"', block):
            errors = re.search(r'<ul class="errorlist">(.*?)</ul>', block, re.S)
            return _items(errors.group(1)) if errors else []
    raise AssertionError(f"the page has no field {name!r}")


def flash_messages(response):
    box = re.search(r'<ul class="messages">(.*?)</ul>', response.content.decode(), re.S)
    return _items(box.group(1)) if box else []
