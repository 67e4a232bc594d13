"""Telling people what waits for them: a notice in the app and a mail, both from the template
notices/<kind>.txt, whose first line is the subject. Mail goes out in Vietnamese (the site's
language); the app shows each notice in the reader's language. Every app calls notify() here.

A notice names its event by `key`; a person is told of one event once, however often the code that
notices it runs (the daily reminders rely on this).

`params` are stored as JSON and rendered again whenever the notice is read, so they hold plain
values: dates already written dd/mm/yyyy, names, and for a choice its English label (the template
translates it with {% translate %}) or a catalogue sentence with its values ({"msgid", "with"}, such as a
draft's name), never text already translated into one language."""

import re

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.models import Notification

_BLANK_LINES = re.compile(r"\n\s*\n\s*")
# Params that may hold several lines; the templates use them in the body only, never in the subject.
MULTILINE = frozenset({"reason", "notes"})


def render(kind, params):
    """(subject, body) of a notice in the active language. The body ends with params["link"] when
    the template is given one."""
    text = render_to_string(f"notices/{kind}.txt", _one_line(_translated(params))).strip()
    subject, _, body = text.partition("\n")
    # The body's paragraphs are kept apart by one blank line, however the template's tags fell.
    return " ".join(subject.split()), _BLANK_LINES.sub("\n\n", body.strip())


def _translated(params):
    """A param stored as {"msgid": ..., "with": {...}} (a name worded by a sentence of the catalogue, such as
    a draft's) is translated into the active language here, when the notice is read."""
    return {name: gettext(value["msgid"]) % value["with"] if isinstance(value, dict) and "msgid" in value else value
            for name, value in params.items()}


def _one_line(params):
    """Every value on one line but the texts written to be read in the body (MULTILINE): a name with
    a line break in it would otherwise cut the subject short (a mail header holds one line)."""
    return {name: " ".join(value.split()) if isinstance(value, str) and name not in MULTILINE else value
            for name, value in params.items()}


def notify(users, *, kind, key, params, url=""):
    """Notify each active user once for the event `key`; mail those with an address after commit.
    Returns the users newly told."""
    users = {u.pk: u for u in users if u is not None and u.is_active}
    told = set(Notification.objects.filter(user__in=users.keys(), key=key).values_list("user_id", flat=True))
    fresh = []
    for pk, user in sorted(users.items()):
        if pk in told:
            continue
        try:
            with transaction.atomic():  # a savepoint: of two senders at once, the second finds the row
                Notification.objects.create(user=user, key=key, kind=kind, params=params, url=url)
        except IntegrityError:
            continue  # told meanwhile by another run: the mail is that run's to send
        fresh.append(user)
    addresses = sorted({u.email.strip().lower(): u.email.strip() for u in fresh if u.email.strip()}.items())
    addresses = [address for _lower, address in addresses]
    if addresses:
        with translation.override(settings.LANGUAGE_CODE):
            subject, body = render(kind, {**params, "link": _absolute(url)})
        # One mail per address: a partner's staff and the Ministry's do not see each other's addresses.
        mails = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses]
        # robust: a mail server that fails after the commit is logged; the notice in the app stays.
        transaction.on_commit(lambda: send_mass_mail(mails), robust=True)
    return fresh


def _absolute(url):
    return f"{settings.PUBLIC_BASE_URL.rstrip('/')}{url}" if url and getattr(settings, "PUBLIC_BASE_URL", "") else url


def unread_count(user):
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def mark_read(user, notification_ids=None):
    """Mark the user's own notices read (all of them when no ids are given); another user's ids
    change nothing. Returns how many were marked."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    # Notification has no history to keep: one UPDATE, whatever the number.
    return unread.update(read_at=timezone.now())
