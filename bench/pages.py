"""The site's pages at 200 and at 20,000 agreements, served by gunicorn as in production (issue 12).

    bin/with-postgres .venv/bin/python bench/pages.py [--quick] [--runs 21] [--small 200] [--big 20000]

Needs a PostgreSQL server where it may create databases (DATABASE_URL; without one it starts a throwaway server
through bin/with-postgres). It makes two throwaway databases, fills one with --small agreements and one with --big
(manage.py make_bench_data: the shape of issue 12, every size scaled alike, so a partner has as many agreements in
both), serves each with gunicorn (config/gunicorn.conf.py, 2 workers, DEBUG off), logs in over HTTP as a drafter,
a partner user, an auditor, an assessor and a staff superuser (for the Django admin), and times every page with
both servers interleaved: each round asks each page of the small site then of the big one, so that the machine's
drift touches all alike. Prints medians and ratios, each beside the issue's aim, misses marked; then throughput
under 4 concurrent sessions and the signed copy's download against a fresh render. The databases are dropped at
the end. The machine is shared and noisy: compare ratios, and run it twice."""

import argparse
import concurrent.futures
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PASSWORD = "bench-only-password-2026"
SEARCH = "Hồng Hà"  # a partner's name: 1 in 20 partners, as on a real register
TRIVIAL = "/notices/"
ADMIN_LIST = "/admin/agreements/agreement/"
FULL = 20_000  # make_bench_data's agreements at --scale 1 (issue 12's shape)


# --- the databases and the servers -----------------------------------------------------------------------

def database_url(base, name):
    parts = urllib.parse.urlsplit(base)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


def admin_sql(base, *statements):
    import psycopg

    with psycopg.connect(base, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def run(command, env, what):
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"{what} failed:\n{result.stdout}\n{result.stderr}")
    print(f"  {what}: {time.perf_counter() - started:.0f} s", flush=True)
    return result.stdout


class Site:
    """One database, filled, and one gunicorn serving it."""

    def __init__(self, base, agreements, workdir):
        self.agreements, self.name = agreements, f"hssk_bench_{agreements}"
        self.url = database_url(base, self.name)
        self.private = workdir / self.name / "private"
        self.private.mkdir(parents=True)
        self.env = {**os.environ, "DATABASE_URL": self.url, "DJANGO_SETTINGS_MODULE": "config.settings.local",
                    "DJANGO_DEBUG": "0", "PRIVATE_MEDIA_ROOT": str(self.private), "DJANGO_TWO_FACTOR_REQUIRED": "0"}
        self.scale = agreements / FULL  # partners, clauses, evidence, … scaled alike
        self.log = workdir / self.name / "gunicorn.log"
        self.server = None

    def fill(self, base, template):
        admin_sql(base, f'DROP DATABASE IF EXISTS "{self.name}"',
                  f'CREATE DATABASE "{self.name}" TEMPLATE "{template}"')
        out = run([PYTHON, "manage.py", "make_bench_data", "--scale", str(self.scale), "--agreements",
                   str(self.agreements), "--password", PASSWORD, "--i-know-this-is-not-production"],
                  self.env, f"make_bench_data, {self.agreements:,} agreements")
        self.fill_log = out.strip().splitlines()
        self.targets = json.loads(run([PYTHON, str(Path(__file__).resolve()), "--prepare"], self.env,
                                      f"a signed copy and a draft, {self.agreements:,} agreements").splitlines()[-1])
        print(f"    signed copy of full-length minutes: {self.targets['pdf_bytes'] / 1024:.0f} KB", flush=True)

    def start(self):
        self.port = free_port()
        env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "GUNICORN_WORKERS": "2"}
        with open(self.log, "w") as log:
            self.server = subprocess.Popen([str(Path(PYTHON).parent / "gunicorn"), "-c", "config/gunicorn.conf.py"],
                                           cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if Session(self.port).get("/login/", expect=None)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        sys.exit(f"gunicorn did not answer on port {self.port}: see {self.log}")

    def stop(self):
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=30)

    def reset_renders(self):
        """A fresh render each time: the PDF kept from the last one deleted, and the renderer's allowance
        (agreements.pdf_cache.RENDERS a window) given back."""
        shutil.rmtree(self.private / "pdf-cache", ignore_errors=True)
        admin_sql(self.url, "DELETE FROM core_ratecount WHERE scope = 'pdf-render'")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- HTTP as a browser speaks it ---------------------------------------------------------------------------

class Session:
    """Cookies kept across requests; a new connection for each (gunicorn's sync workers close them). English
    pages, so that the pager reads the same on both sites."""

    def __init__(self, port):
        self.port, self.cookies = port, {"django_language": "en"}

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        try:
            connection.request(method, path, body=body, headers={
                "Host": "127.0.0.1", "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
                **(headers or {})})
            response = connection.getresponse()
            data = response.read()
            for cookie in response.headers.get_all("Set-Cookie") or []:
                name, _, value = cookie.split(";", 1)[0].partition("=")
                self.cookies[name.strip()] = value.strip()
            return response.status, response.headers, data
        finally:
            connection.close()

    def get(self, path, expect=200):
        status, headers, data = self.request("GET", path)
        if expect is not None and status != expect:
            raise RuntimeError(f"GET {path} on :{self.port} answered {status}, not {expect}")
        return status, headers, data

    def login(self, username):
        _, _, page = self.get("/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        body = urllib.parse.urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token})
        status, headers, _ = self.request("POST", "/login/", body, {
            "Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{self.port}/login/"})
        if status != 302 or "login" in headers.get("Location", "/login/"):
            sys.exit(f"{username} could not log in on :{self.port} ({status} {headers.get('Location')})")
        return self


def deep_link(session, path):
    """The list's deepest page, as its own pager offers it: a "last"/"oldest" link if it has one, else the
    highest page number it names ("Page 1 of N"), else the last numbered link."""
    _, _, page = session.get(path)
    html = page.decode()
    for anchor in re.finditer(r'<a\b([^>]*)href="([^"]+)"([^>]*)>(.*?)</a>', html, re.S):
        attributes, text = anchor.group(1) + anchor.group(3), re.sub(r"<[^>]+>", "", anchor.group(4))
        if re.search(r'rel="last"|class="[^"]*\blast\b', attributes) or re.search(r"\b(last|oldest)\b", text, re.I):
            return urllib.parse.urljoin(path, anchor.group(2).replace("&amp;", "&"))
    total = re.search(r"Page\s+\d+\s+of\s+([\d,.]+)", html)
    if total:
        return f"{path}?page={re.sub(r'[,.]', '', total.group(1))}"
    numbers = [int(n) for n in re.findall(r'[?&]page=(\d+)', html)]
    if numbers:
        return f"{path}?page={max(numbers)}"
    print(f"  warning: {path} offers no link deeper than its first page; the deep page is the first", flush=True)
    return path


# --- what is measured --------------------------------------------------------------------------------------

def pages_of(site, sessions):
    """(name, session, path) of every page measured, the same on both sites."""
    t = site.targets
    drafter, partner, auditor, assessor = (sessions[k] for k in ("drafter", "partner", "auditor", "assessor"))
    search = urllib.parse.urlencode({"q": SEARCH, "status": "signed"})
    admin_search = urllib.parse.urlencode({"q": SEARCH, "status__exact": "signed"})
    return [
        ("trivial (/notices/)", drafter, TRIVIAL),
        ("agreement list, page 1", drafter, "/agreements/"),
        ("agreement list, deep page", drafter, deep_link(drafter, "/agreements/")),
        ("list, search + status", drafter, f"/agreements/?{search}"),
        ("admin changelist, same", sessions["admin"], f"{ADMIN_LIST}?{admin_search}"),
        ("dashboard (drafter)", drafter, "/"),
        ("dashboard (partner user)", partner, "/"),
        ("agreement list (partner user)", partner, "/agreements/"),
        ("partner list", drafter, "/partners/"),
        ("download log", auditor, "/downloads/"),
        ("assessment queue", assessor, "/conditions/assessment/"),
        ("agreement detail", drafter, f"/agreements/{t['detail']}/"),
        ("agreement detail (partner user)", partner, f"/agreements/{t['detail']}/"),
        ("agreement history", auditor, f"/agreements/{t['detail']}/history/"),
        ("partner eligibility", drafter, f"/conditions/eligibility/{t['partner']}/"),
        ("signed copy (PDF kept)", drafter, f"/agreements/{t['signed']}/pdf/"),
        ("fresh render (draft PDF)", drafter, f"/agreements/{t['draft']}/pdf/"),
    ]


def timed(site, session, path):
    if "pdf" in path and str(site.targets["draft"]) in path.split("/"):
        site.reset_renders()
    start = time.perf_counter()
    session.get(path)
    return time.perf_counter() - start


def medians(sites, pages, runs):
    """{page: {agreements: median seconds}}, each round asking every page of each site in turn."""
    times = {name: {site.agreements: [] for site in sites} for name, _s, _p in pages[sites[0].agreements]}
    for site in sites:  # warm up: templates compiled, connections open, caches filled
        for _name, session, path in pages[site.agreements]:
            timed(site, session, path)
    for _ in range(runs):
        for index, (name, _s, _p) in enumerate(pages[sites[0].agreements]):
            for site in sites:
                _, session, path = pages[site.agreements][index]
                times[name][site.agreements].append(timed(site, session, path))
    return {name: {n: statistics.median(values) for n, values in by_site.items()} for name, by_site in times.items()}


def throughput(site, sessions, path, seconds):
    """Requests a second that `sessions` (one thread each) get answered, asking `path` over and over."""
    deadline, counts = None, [0] * len(sessions)
    ready = threading.Barrier(len(sessions) + 1)

    def work(i):
        ready.wait()
        while time.perf_counter() < deadline:
            sessions[i].get(path)
            counts[i] += 1

    with concurrent.futures.ThreadPoolExecutor(len(sessions)) as pool:
        futures = [pool.submit(work, i) for i in range(len(sessions))]
        deadline = time.perf_counter() + 0.2 + seconds
        time.sleep(0.2)
        started = time.perf_counter()
        ready.wait()
        for future in futures:
            future.result()
    return sum(counts) / (time.perf_counter() - started)


# --- the report ----------------------------------------------------------------------------------------------

def verdict(value, aim, at_most=True):
    ok = value <= aim if at_most else value >= aim
    return f"{'≤' if at_most else '≥'} {aim:<4} {'ok' if ok else '✗ MISS'}"


def report(sites, figures, rates, runs):
    small, big = (site.agreements for site in sites)
    f = figures
    trivial = f["trivial (/notices/)"]
    print(f"\nmedians of {runs} interleaved runs (ms); ×trivial = the page ÷ {TRIVIAL} on the same site; "
          f"growth = {big:,} ÷ {small:,} agreements, aim ≤ 1.2")
    print(f"{'page':<33}{small:>9,}{'×triv':>7}{big:>9,}{'×triv':>7}{'growth':>8}  aims")
    pages_aim_3 = {"agreement list, page 1", "agreement detail"}
    for name, by_size in f.items():
        a, b = by_size[small], by_size[big]
        # The trivial page is the unit; Django's admin changelist is a yardstick for our list, not a page of ours.
        aims = [verdict(b / a, 1.2)] if name not in ("trivial (/notices/)", "admin changelist, same") else []
        if name in pages_aim_3:
            aims.append(f"×triv {verdict(b / trivial[big], 3)}")
        print(f"{name:<33}{a * 1000:9.1f}{a / trivial[small]:7.1f}{b * 1000:9.1f}{b / trivial[big]:7.1f}"
              f"{b / a:8.2f}  {'; '.join(aims)}")
    print(f"\nratios at {big:,} agreements (at {small:,} in brackets)")
    lines = [
        ("deep page ÷ page 1 of the list", "agreement list, deep page", "agreement list, page 1", 1.2, True),
        ("our list (search + status) ÷ the admin changelist", "list, search + status", "admin changelist, same",
         0.5, True),
        ("signed copy download ÷ fresh render", "signed copy (PDF kept)", "fresh render (draft PDF)", 0.05, True),
    ]
    for label, top, bottom, aim, at_most in lines:
        value, other = f[top][big] / f[bottom][big], f[top][small] / f[bottom][small]
        print(f"  {label:<52}{value:7.3f}  ({other:.3f})  {verdict(value, aim, at_most)}")
    print("throughput, 4 concurrent sessions (requests/s; ÷ trivial on the same site)")
    for name in ("list", "detail"):
        value = rates[name][big] / rates["trivial"][big]
        other = rates[name][small] / rates["trivial"][small]
        aim = verdict(value, 0.33, at_most=False) if name == "list" else "(no aim)"
        print(f"  {name:<7} {rates[name][big]:7.1f} of {rates['trivial'][big]:6.1f}  ÷ {value:5.3f}  "
              f"({rates[name][small]:.1f} of {rates['trivial'][small]:.1f}: {other:.3f})  {aim}")


# --- the set-up inside one database (a subprocess with its DATABASE_URL) --------------------------------------

def prepare():
    """Made through the services, as in use: a signed agreement, whose copy was rendered and stored at signing,
    and a draft of the same partner for a fresh render, both with the library's standard clauses (a full-length
    minutes, as signed ones are). Prints the ids the bench asks for, as JSON."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from agreements import services
    from agreements.models import Agreement, ClauseTemplate
    from core import audit, roles
    from partners.models import Membership, Partner
    from tests.factories import SIGNATORIES, SIGNED_ON, PartnerFactory, agreed, clerk, draft, on_day

    drafter = clerk(roles.DRAFTER)
    standard = {}
    for template in ClauseTemplate.objects.filter(active=True).order_by("position", "pk"):
        standard.setdefault(template.section, template.text)

    def full_length(agreement):
        rows = [services.Row(c.pk, {"position": c.position, "section": c.section, "heading": c.heading,
                                    "text": standard.get(c.section, c.text)}) for c in agreement.clauses.all()]
        # The standard clauses cite the law in force on the signing day ({law:…}): the day is known from the start.
        return services.agreement_update(agreement=agreement, by=drafter, clauses=rows,
                                         header={"planned_signing_on": SIGNED_ON})

    made = Partner.objects.count()  # a tax code of its own, should the database be prepared twice
    partner = PartnerFactory(short_name=f"Bench ký {made}", legal_name=f"Công ty Cổ phần Bench Ký Số {made}",
                             tax_code=f"{8_000_000_000 + made:010d}")
    # Software of its own: the bench rows cover every province many times over for the default software, and
    # a signing refuses a province another agreement in force covers for the same software.
    software = "Phần mềm Hồ sơ sức khỏe điện tử (bench)"
    number = (Agreement.objects.filter(number_year=SIGNED_ON.year).order_by("-number")
              .values_list("number", flat=True).first() or 0) + 1
    with on_day(SIGNED_ON):  # as tests.factories.signed, with the standard clauses
        signed = full_length(draft(by=drafter, partner=partner, software_name=software))
        signed = agreed(services.agreement_send_for_review(agreement=signed, by=drafter))
        signed = services.agreement_sign(agreement=signed, by=clerk(roles.SIGNER), number=number,
                                         signed_on=SIGNED_ON, **SIGNATORIES)
        audit.link()
    fresh = full_length(draft(by=drafter, partner=partner, software_name=software))
    member = (Membership.objects.filter(user__username__startswith="bench-partner-").select_related("user")
              .order_by("user__username").first())
    detail = Agreement.objects.filter(partner=member.partner, status="signed").order_by("-signed_on", "-pk").first()
    print(json.dumps({"signed": signed.pk, "draft": fresh.pk, "detail": detail.pk, "partner": member.partner_id,
                      "partner_user": member.user.username, "pdf_bytes": len(bytes(signed.signed_copy.data))}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (about 4 minutes)")
    parser.add_argument("--runs", type=int, default=None, help="rounds of every page (default 21, --quick 7)")
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--big", type=int, default=20_000)
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        return prepare()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        if os.environ.get("DATABASE_URL"):
            sys.exit("PostgreSQL only: DATABASE_URL must be postgres://… (or unset: a throwaway server is started).")
        os.execv(str(ROOT / "bin" / "with-postgres"), [str(ROOT / "bin" / "with-postgres"), PYTHON, *sys.argv])
    runs = args.runs or (7 if args.quick else 21)
    seconds, rounds = (2, 2) if args.quick else (4, 3)
    base = os.environ["DATABASE_URL"]
    workdir = Path(tempfile.mkdtemp(prefix="hssk-bench-"))
    template = "hssk_bench_template"
    sites = [Site(base, n, workdir) for n in (args.small, args.big)]
    started = time.perf_counter()
    try:
        print("setting up", flush=True)
        admin_sql(base, f'DROP DATABASE IF EXISTS "{template}"', f'CREATE DATABASE "{template}"')
        run([PYTHON, "manage.py", "migrate", "--noinput"],
            {**sites[0].env, "DATABASE_URL": database_url(base, template)}, "migrate")
        for site in sites:
            site.fill(base, template)
            print("    " + "\n    ".join(site.fill_log[-4:]))
            site.start()
        sessions, pages = {}, {}
        for site in sites:
            who = {"drafter": "bench-drafter", "partner": site.targets["partner_user"], "auditor": "bench-auditor",
                   "assessor": "bench-assessor", "admin": "bench-admin"}
            sessions[site.agreements] = {key: Session(site.port).login(name) for key, name in who.items()}
            pages[site.agreements] = pages_of(site, sessions[site.agreements])
        print(f"  deep page: {pages[args.big][2][2]} ({args.big:,}), {pages[args.small][2][2]} ({args.small:,})")
        figures = medians(sites, pages, runs)
        rates = {name: {site.agreements: [] for site in sites} for name in ("trivial", "list", "detail")}
        crowds = {site.agreements: [Session(site.port).login("bench-drafter") for _ in range(4)] for site in sites}
        for _ in range(rounds):
            for name, path in (("trivial", TRIVIAL), ("list", "/agreements/"),
                               ("detail", "/agreements/{detail}/")):
                for site in sites:
                    rates[name][site.agreements].append(throughput(
                        site, crowds[site.agreements], path.format(detail=site.targets["detail"]), seconds))
        rates = {name: {n: statistics.median(v) for n, v in by.items()} for name, by in rates.items()}
        report(sites, figures, rates, runs)
        print(f"\nwhole run {time.perf_counter() - started:.0f} s; gunicorn 2 sync workers each "
              "(config/gunicorn.conf.py), config.settings.local with DEBUG off")
    finally:
        for site in sites:
            site.stop()
        for site in sites:
            admin_sql(base, f'DROP DATABASE IF EXISTS "{site.name}"')
        admin_sql(base, f'DROP DATABASE IF EXISTS "{template}"')
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
