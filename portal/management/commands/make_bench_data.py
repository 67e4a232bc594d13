"""Fill a throwaway PostgreSQL database with bench data of issue 12's shape (portal.bench_data)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from agreements.models import Agreement
from conditions.models import Condition
from core import search
from portal import bench_data


class Command(BaseCommand):
    help = (
        "Fill a THROWAWAY PostgreSQL database with bench data: partners with a member each, agreements in every "
        "status with provinces, clauses, legal bases and addressees, evidence, downloads, history rows and audit "
        "entries (sizes below; issue 12's at --scale 1). The rows are written with bulk inserts that bypass the "
        "services, their rules and the history and audit receivers: the database will not pass verify_audit and "
        "must never be a real one. Runs only with DEBUG on or --i-know-this-is-not-production, and only on a "
        "database without agreements unless --append."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0,
                            help="multiply every default size (0.01: 10 partners, 200 agreements, …)")
        for name, default in bench_data.sizes().items():
            parser.add_argument(f"--{name}", type=int, default=None, metavar="N",
                                help=f"how many {name} rows (default {default:,} × scale)")
        parser.add_argument("--password", default="",
                            help="password of every bench account (default: none can log in)")
        parser.add_argument("--append", action="store_true", help="add to a database that has agreements")
        parser.add_argument("--i-know-this-is-not-production", action="store_true", dest="not_production",
                            help="run with DEBUG off; the database's data is bench data from now on")

    def handle(self, *args, scale, password, append, not_production, **options):
        if not (settings.DEBUG or not_production):
            raise CommandError("Bench data bypasses every rule and the audit record: run it only on a throwaway "
                               "database, with DEBUG on or --i-know-this-is-not-production.")
        if connection.vendor != "postgresql":
            raise CommandError("Bench data is written with PostgreSQL's generate_series: PostgreSQL only.")
        if Agreement.objects.exists() and not append:
            raise CommandError("This database has agreements already: add to them with --append, or use an empty "
                               "(throwaway) database.")
        size = bench_data.sizes(scale, **{name: options[name] for name in bench_data.sizes()})
        started = time.perf_counter()
        with transaction.atomic():
            self.fill(size, password)
        self.step(started, "committed")
        bench_data.analyse()
        self.step(started, "VACUUM ANALYZE")

    def fill(self, size, password):
        started = time.perf_counter()
        people, handing, reviewing = bench_data.people(password)
        drafter, assessor = people["bench-drafter"].pk, people["bench-assessor"].pk
        condition_set = bench_data.catalogue()
        partner_ids, member_ids = bench_data.partners(size["partners"], password)
        self.step(started, f"{len(partner_ids):,} partners with a member each")
        old, new = bench_data.provinces()
        last = bench_data.agreements(size["agreements"], partner_ids=partner_ids, drafter=drafter,
                                     department=handing.pk, condition_set=condition_set.pk,
                                     provinces_old=old, provinces_new=new)
        self.step(started, f"{size['agreements']:,} agreements")
        made = bench_data.scope(last, old, new)
        self.step(started, f"{made:,} provinces in scope")
        made = bench_data.clauses(last, size["clauses"], size["agreements"])
        self.step(started, f"{made:,} clauses")
        made = bench_data.bases_and_addressees(last, reviewing.pk)
        self.step(started, f"{made:,} legal bases and addressees")
        condition_ids = list(Condition.objects.filter(condition_set=condition_set).values_list("pk", flat=True))
        last_evidence = bench_data.evidence(size["evidence"], partner_ids=partner_ids, member_ids=member_ids,
                                            condition_ids=condition_ids, assessor=assessor)
        self.step(started, f"{size['evidence']:,} evidence")
        made = bench_data.downloads(size["downloads"], user_ids=[people["bench-drafter"].pk,
                                                                 people["bench-auditor"].pk, *member_ids[:50]],
                                    last_agreement=last)
        self.step(started, f"{made:,} downloads")
        made = bench_data.history(size["history"], last_agreement=last, last_evidence=last_evidence,
                                  partner_ids=partner_ids, drafter=drafter)
        self.step(started, f"{made:,} history rows")
        made = bench_data.audit_entries(size["audit"], actors=[drafter, assessor, *member_ids[:50]],
                                        partner_ids=partner_ids, last_agreement=last)
        self.step(started, f"{made:,} audit entries")
        search.rebuild()  # bulk inserts send no signals: the search documents are written here
        self.step(started, "search documents")

    def step(self, started, what):
        self.stdout.write(f"{time.perf_counter() - started:7.1f} s  {what}")
