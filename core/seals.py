"""Anchors outside the database. At least daily, `manage.py seal_audit` chains whatever is waiting,
then seals the chain's head: its link number and hash, with an HMAC under DJANGO_AUDIT_SEAL_KEY, a key
the database never holds. The seal is appended to the seal file (AUDIT_SEAL_FILE, which an operator
ships elsewhere) and mailed to the auditors. Whoever rewrites the whole chain, hashes and all, cannot
make a sealed head match without the key: verify_audit compares every seal with the chain."""

import hashlib
import hmac
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone

from core import audit, notices, roles


def _key():
    key = getattr(settings, "AUDIT_SEAL_KEY", "")
    if not key:
        raise ImproperlyConfigured("DJANGO_AUDIT_SEAL_KEY must be set to seal or check the audit chain's head.")
    return key.encode()


def mac(link_id, link_hash, sealed_at):
    return hmac.new(_key(), f"{link_id}\n{link_hash}\n{sealed_at}".encode(), hashlib.sha256).hexdigest()


def seal_file():
    return Path(settings.AUDIT_SEAL_FILE)


def seal():
    """Chain what waits, seal the head, write it to the seal file and tell the auditors. Returns the seal."""
    from core.models import AuditLink

    audit.link()
    head = AuditLink.objects.order_by("-id").first()
    if head is None:
        return None
    sealed_at = timezone.now().isoformat(timespec="seconds")
    entry = {"sealed_at": sealed_at, "link": head.pk, "hash": head.hash, "mac": mac(head.pk, head.hash, sealed_at)}
    path = seal_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry, sort_keys=True) + "\n")
    auditors = get_user_model().objects.filter(groups__name=roles.AUDITOR, is_active=True)
    notices.notify(auditors, kind="audit_sealed", key=f"audit-seal:{head.pk}:{head.hash[:16]}", url=reverse("audit"),
                   params={"link_id": head.pk, "hash": head.hash, "mac": entry["mac"],
                           "sealed_at": timezone.localtime().strftime("%d/%m/%Y %H:%M")})
    return entry


def read_seals(path=None):
    """[(line number, seal or None when the line is not a seal)] of the seal file, oldest first."""
    path = Path(path) if path else seal_file()
    if not path.exists():
        return []
    seals = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            seals.append((number, json.loads(line)))
        except ValueError:
            seals.append((number, None))
    return seals


def seal_problem(seal, links_by_id):
    """What is wrong with one seal against the chain, or None."""
    if not isinstance(seal, dict) or not {"sealed_at", "link", "hash", "mac"} <= seal.keys():
        return "the line is not a seal"
    if not hmac.compare_digest(str(seal["mac"]), mac(seal["link"], seal["hash"], seal["sealed_at"])):
        return "the seal's HMAC does not match: the seal was altered, or made with another key"
    found = links_by_id.get(seal["link"])
    if found is None:
        return f"link {seal['link']}, sealed on {seal['sealed_at']}, is no longer in the chain"
    if found != seal["hash"]:
        return f"link {seal['link']} no longer has the hash sealed on {seal['sealed_at']}: the chain was rewritten"
    return None
