"""The auditors' timeline at 10,000 and at 1,000,000 audit entries, and what the audit chain adds to
one write.

    bin/with-postgres .venv/bin/python bench/audit_timeline.py [--runs 21] [--big 1000000]

Needs PostgreSQL (DATABASE_URL; bin/with-postgres starts a throwaway one): the script migrates that
database, makes a few people, partners and drafts, then fills core_auditentry with INSERT … SELECT
generate_series (entries are the audit record, not tracked models). It prints medians of --runs requests
through Django's test client, as ratios: the timeline's first page and a page a million entries deep
(?before=<small id>) against a trivial logged-in page (/notices/), deep ÷ first, and growth from 10,000 to
1,000,000 entries; then one partner's profile update (partners.services) timed with the audit receivers
connected and disconnected. Targets (issue 10): deep ÷ first ≤ 1.2, growth ≤ 1.2, chain ≤ +20 % a write."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ.setdefault("DJANGO_DEBUG", "0")  # DEBUG would keep every query in memory

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from simple_history.signals import post_create_historical_record  # noqa: E402

from core import audit, roles  # noqa: E402
from core.models import AuditEntry  # noqa: E402
from partners import services as partner_services  # noqa: E402

FILL = """
INSERT INTO core_auditentry (at, actor_id, kind, model, object_id, partner_id, agreement_id, source, label,
                             reason, payload, digest)
SELECT timestamptz '2020-01-01' + n * interval '1 second',
       (%(actors)s)[1 + n %% cardinality(%(actors)s)],
       CASE WHEN n %% 10 = 0 THEN 'download' WHEN n %% 10 = 1 THEN 'login' ELSE 'change' END,
       CASE WHEN n %% 10 = 0 THEN 'core.downloadrecord' WHEN n %% 10 = 1 THEN 'auth.user'
            ELSE 'agreements.clause' END,
       n %% 5000, %(partner)s,
       CASE WHEN n %% 10 = 1 THEN NULL ELSE (%(agreements)s)[1 + n %% cardinality(%(agreements)s)] END,
       '', 'Điều ' || (n %% 12), 'Tiếp thu ý kiến góp ý',
       CASE WHEN n %% 10 = 0 THEN jsonb_build_object('row', jsonb_build_object('what', 'draft_minutes',
                                                      'filename', 'bien-ban.pdf', 'ip_address', '10.0.0.1'))
            WHEN n %% 10 = 1 THEN jsonb_build_object('ip', '10.0.0.1')
            ELSE jsonb_build_object('type', '~', 'row', jsonb_build_object(
                 'id', n %% 5000, 'text', 'Nội dung điều khoản, lần sửa số ' || n,
                 'heading', 'Điều ' || (n %% 12))) END,
       md5(n::text) || md5((n + 1)::text)
FROM generate_series(%(start)s, %(stop)s) AS n
"""


def fill(upto, people, partner, agreements):
    """Add generated entries until the record holds `upto` of them."""
    have = AuditEntry.objects.count()
    if have >= upto:
        return
    with connection.cursor() as cursor:
        cursor.execute(FILL, {"actors": [p.pk for p in people], "partner": partner.pk,
                              "agreements": [a.pk for a in agreements], "start": have + 1, "stop": upto})
        # As a long-lived table would be: no autovacuum or checkpoint of the fill in the middle of the timing.
        cursor.execute("VACUUM ANALYZE core_auditentry")
        cursor.execute("CHECKPOINT")


def get(client, url):
    def run():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    return run


def measure(client, runs, deep_id):
    """Medians of the three pages, taken in turn within each run so that the machine's drift touches
    them alike. The deep page holds generated entries like the first page, so the two show alike."""
    pages = {"trivial": get(client, reverse("notices")), "first": get(client, reverse("audit")),
             "deep": get(client, f"{reverse('audit')}?before={deep_id}")}
    times = {name: [] for name in pages}
    for page in pages.values():
        page()  # warm up: templates compiled, caches filled
    for _ in range(runs):
        for name, page in pages.items():
            start = time.perf_counter()
            page()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def plan(before):
    """PostgreSQL's plan for the deep page's read, on one line: an index scan backwards, LIMIT 51."""
    from portal.audit_log import PAGE

    query = audit.with_previous_rows(AuditEntry.objects.order_by("-id")).filter(id__lt=before).select_related(
        "actor")[:PAGE + 1]
    lines = query.explain(analyze=True).splitlines()
    return " / ".join(line.strip() for line in lines if "Scan" in line or "Limit" in line or "Execution" in line)


def write_cost(partner, by, runs):
    """Medians of one profile update, the chain's receiver connected and disconnected, interleaved so
    that the machine's drift touches both alike."""
    counter = iter(range(10**9))

    def update():
        partner_services.partner_update(partner=partner, by=by, reason="Bench", address=f"Số {next(counter)} Hà Nội")

    with_chain, without, queries = [], [], {}
    update()
    for _ in range(runs):
        for times, connected in ((with_chain, True), (without, False)):
            if not connected:
                post_create_historical_record.disconnect(audit.record_history, dispatch_uid="audit.history")
            try:
                start = time.perf_counter()
                with CaptureQueriesContext(connection) as captured:
                    update()
                times.append(time.perf_counter() - start)
                queries[connected] = len(captured)
            finally:
                post_create_historical_record.connect(audit.record_history, dispatch_uid="audit.history")
    return statistics.median(with_chain), statistics.median(without), queries


def request_write_cost(partner, by, runs):
    """Medians of the same update as a user makes it: the profile form posted through the site (session,
    permission checks, form, service, redirect), the chain's receiver connected and disconnected."""
    client = Client()
    client.force_login(by)
    url = reverse("partners:edit", args=[partner.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    counter = iter(range(10**9))

    def post():
        response = client.post(url, {**data, "address": f"Số {next(counter)} phố Huế, Hà Nội", "reason": "Bench"})
        assert response.status_code == 302, response.status_code

    with_chain, without = [], []
    post()
    for _ in range(runs):
        for times, connected in ((with_chain, True), (without, False)):
            if not connected:
                post_create_historical_record.disconnect(audit.record_history, dispatch_uid="audit.history")
            try:
                start = time.perf_counter()
                post()
                times.append(time.perf_counter() - start)
            finally:
                post_create_historical_record.connect(audit.record_history, dispatch_uid="audit.history")
    return statistics.median(with_chain), statistics.median(without)


def setup():
    from tests.factories import PartnerFactory, UserFactory, draft

    call_command("migrate", verbosity=0)
    auditor = UserFactory(username="bench-auditor", roles=[roles.AUDITOR])
    drafter = UserFactory(username="bench-drafter", roles=[roles.DRAFTER])
    partner = PartnerFactory(short_name="VNPT-IT")
    agreements = [draft(by=drafter, partner=partner, complete=False) for _ in range(5)]
    return auditor, drafter, partner, agreements


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=1_000_000)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("PostgreSQL only: run with bin/with-postgres (or DATABASE_URL=postgres://…).")
    setup_test_environment()  # the test client's host is allowed
    auditor, drafter, partner, agreements = setup()
    client = Client()
    client.force_login(auditor)

    # The generated entries start after the set-up's own; the deep page is the one before the 61st of them.
    deep_id = (AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 61
    figures = {}
    for size in (args.small, args.big):
        start = time.perf_counter()
        fill(size, [auditor, drafter], partner, agreements)
        filled = time.perf_counter() - start
        figures[size] = measure(client, args.runs, deep_id)
        f = figures[size]
        print(f"{AuditEntry.objects.count():>9,} entries (filled in {filled:.1f} s); medians of {args.runs} runs")
        print(f"  /notices/ (trivial page)  {f['trivial'] * 1000:7.1f} ms")
        print(f"  /audit/ first page        {f['first'] * 1000:7.1f} ms  ({f['first'] / f['trivial']:.2f}x trivial)")
        print(f"  /audit/?before=<deep id>  {f['deep'] * 1000:7.1f} ms  ({f['deep'] / f['trivial']:.2f}x trivial)")
        print(f"  deep ÷ first              {f['deep'] / f['first']:7.2f}   (target ≤ 1.2)")
        print(f"  plan of the deep page: {plan(deep_id)}")

    small, big = figures[args.small], figures[args.big]
    print(f"growth {args.big:,} ÷ {args.small:,} entries (target ≤ 1.2)")
    for name in ("first", "deep"):
        relative = (big[name] / big["trivial"]) / (small[name] / small["trivial"])
        print(f"  {name:<5} page  {big[name] / small[name]:5.2f} in time, {relative:5.2f} against the trivial page")

    chain, plain, queries = write_cost(partner, drafter, max(args.runs, 31))
    print(f"one partner update, medians of {max(args.runs, 31)} runs each")
    print(f"  with the audit chain          {chain * 1000:7.2f} ms  ({queries[True]} SQL statements)")
    print(f"  receivers disconnected        {plain * 1000:7.2f} ms  ({queries[False]} SQL statements)")
    print(f"  chain adds                    {(chain / plain - 1) * 100:+6.1f} %   (target ≤ +20 %)")
    chain, plain = request_write_cost(partner, drafter, max(args.runs, 31))
    print(f"the same update posted through the profile form, medians of {max(args.runs, 31)} runs each")
    print(f"  with the audit chain          {chain * 1000:7.2f} ms")
    print(f"  receivers disconnected        {plain * 1000:7.2f} ms")
    print(f"  chain adds                    {(chain / plain - 1) * 100:+6.1f} %   (target ≤ +20 %)")


if __name__ == "__main__":
    main()
