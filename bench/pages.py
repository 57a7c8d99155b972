"""Page benchmark at national scale: every list, dashboard, overview and export page of the
product, served by gunicorn and loaded by wrk, beside a bare Django page served the same way.

Run from the project folder: ``.venv/bin/python bench/pages.py [--database-url postgres://...]
[--duration 10] [--pages SUBSTRING] [--skip-wrk] [--keep]``. It builds its own data
(``bench/scale_data.py``) in its own database: SQLite in a temporary folder, or the database
``kb_bench`` on the PostgreSQL server of ``--database-url``, made and dropped by the bench. It
prints per page requests/s, p50 and p99, the share of the bare page's requests/s, the SQL
queries and the in-process time (Django's test client, median of ``--runs``), flags what
misses the targets, and exits 0: it reports, it does not fail.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REDIS_URL = "redis://127.0.0.1:6379/14"
THIS_YEAR = time.localtime().tm_year
LAST_YEAR = THIS_YEAR - 1  # the last year whose reports are assessed: ten years of trend
NATIONAL = "/rapportages/landelijk/"

# Targets on a 2-core machine (issue 13).
MIN_SHARE, MAX_P99_MS, MAX_IN_PROCESS_MS = 25, 100, 15
# (label, role, path, in-process target in ms for exports measured on their own, else None)
PAGES = [
    ("reviewer work queue", "kb", "/rapportages/werkvoorraad/", None),
    ("plans: all sign-ups", "kb", "/aanmeldingen/beoordelen/", None),
    ("sign-ups per state", "coordinator", "/aanmeldingen/overzicht/", None),
    ("year reports dashboard", "kb", "/rapportages/beoordelen/", None),
    ("reviewer work queue (Digisterker)", "digisterker", "/rapportages/werkvoorraad/", None),
    ("all licences", "kb", "/licenties/alle/", None),
    ("licence CSV (1,500 rows)", "kb", "/licenties/alle/export.csv", 150),
    ("licences per year + map", "coordinator", "/licenties/overzicht/", None),
    ("tariffs", "kb", "/licenties/tarieven/", None),
    ("national overview", "coordinator", f"{NATIONAL}?jaar={LAST_YEAR}", None),
    ("national PDF (ten years)", "coordinator", f"{NATIONAL}pdf/?jaar={LAST_YEAR}", 1000),
    ("national CSV", "coordinator", f"{NATIONAL}export.csv?jaar={LAST_YEAR}", None),
    ("national XLSX", "coordinator", f"{NATIONAL}export.xlsx?jaar={LAST_YEAR}", None),
    ("good practices", "coordinator", "/rapportages/good-practices/", None),
    ("reminder log", "coordinator", "/rapportages/herinneringen/", None),
    ("access log", "coordinator", "/toegangslog/", None),
    ("outbox failures", "kb", "/mail/niet-verzonden/", None),
    ("library: task list", "staff", "/taken/", None),
    ("library: my sign-ups", "staff", "/aanmeldingen/", None),
    ("library: my licences", "staff", "/licenties/bibliotheek/{library}/", None),
    ("library: my reports", "staff", "/rapportages/", None),
    ("library: colleagues", "staff", "/mensen/bibliotheek/{library}/", None),
    ("people (KB and Digisterker)", "beheerder", "/mensen/kb-en-digisterker/", None),
    ("libraries", "beheerder", "/beheer/bibliotheken/", None),
    ("interest queue", "beheerder", "/beheer/belangstelling/", None),
    # Public, no login (issue 14): the course finder, and the open API as the monitor reads it.
    ("public course finder", None, "/cursus-vinden/?gemeente=Rotterdam", None),
    ("API: municipalities", None, "/api/v1/gemeenten", None),
    ("API: national figures", None, f"/api/v1/landelijke-cijfers/{LAST_YEAR}", None),
    ("API: licences (coordinator)", "coordinator", "/api/v1/licenties", None),
]
BARE = ("bare Django page (25 rows)", None, "/", None)


# Set-up ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def postgres_url(url) -> tuple[str, str]:
    """(the bench database's URL, the server's maintenance database URL): always a database
    of the bench's own (``kb_bench`` unless the URL names one with "bench" in it)."""
    parts = urlsplit(url)
    name = parts.path.strip("/") or "kb_bench"
    if "bench" not in name:
        name = "kb_bench"
    return urlunsplit(parts._replace(path=f"/{name}")), urlunsplit(parts._replace(path="/postgres"))


def recreate_database(url, admin_url, drop_only=False):
    import psycopg

    name = urlsplit(url).path.strip("/")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')


def production_env(tmp, database_url, redis) -> dict:
    """What production's settings need with DEBUG off (see bin/production_smoke); the bench
    acts as the TLS-terminating proxy (X-Forwarded-Proto: https)."""
    env = {
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-throwaway-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": database_url,
        "EMAIL_URL": "smtp://127.0.0.1:25",  # no page of the bench sends mail
        "TLS_PROXY": "1",
        "STATIC_ROOT": str(Path(tmp) / "static"),
        "PRIVATE_MEDIA_ROOT": str(Path(tmp) / "private"),
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "kbregeling.settings",
        # The API's rate limits would answer wrk with 429: the bench measures the pages.
        "API_RATE_ANONYMOUS": "10000000/minute",
        "API_RATE_USER": "10000000/minute",
        "API_RATE_TOKEN": "10000000/minute",
    }
    if redis:
        env |= {"CACHE_URL": REDIS_URL, "CELERY_BROKER_URL": REDIS_URL}
    return env


def setup_django(env):
    os.environ.update(env)
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)


BARE_APP = '''"""A bare Django page: one template, a table of 25 rows."""
from pathlib import Path

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="bare-page-bench-only-" + "x" * 40,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
    ],
    TEMPLATES=[{
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).parent],
    }],
)
import django  # noqa: E402

django.setup()
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.shortcuts import render  # noqa: E402
from django.urls import path  # noqa: E402

ROWS = [{"n": i, "naam": f"Bibliotheek {i}", "plaats": "Utrecht", "jaar": 2026} for i in range(25)]


def page(request):
    return render(request, "page.html", {"rows": ROWS})


urlpatterns = [path("", page)]
application = get_wsgi_application()
'''
BARE_TEMPLATE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Bibliotheken</title></head>
<body><main><h1>Bibliotheken</h1>
<table><thead><tr><th>#</th><th>Naam</th><th>Plaats</th><th>Jaar</th></tr></thead>
<tbody>{% for row in rows %}<tr><td>{{ row.n }}</td><td>{{ row.naam }}</td>
<td>{{ row.plaats }}</td><td>{{ row.jaar }}</td></tr>{% endfor %}</tbody></table>
</main></body></html>
"""


def write_bare_app(tmp) -> Path:
    folder = Path(tmp) / "bare"
    folder.mkdir()
    (folder / "barepage.py").write_text(BARE_APP)
    (folder / "page.html").write_text(BARE_TEMPLATE)
    return folder


def start_gunicorn(app, cwd, env, log, config=None):
    """gunicorn as production runs it (2 sync workers); returns (process, base URL)."""
    port = free_port()
    command = [str(BIN / "gunicorn"), app, "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    command += ["--control-socket", str(Path(log.name).with_suffix(".ctl"))]  # one each
    if config:
        command += ["--config", str(config)]
    full_env = {"PATH": f"{BIN}:{os.environ.get('PATH', '')}", "HOME": os.environ.get("HOME", "")}
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        command, cwd=cwd, env=full_env | env, stdout=log, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn {app} stopped; see {log.name}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn {app} does not answer; see {log.name}")


# Sessions ----------------------------------------------------------------------------------


def logged_in_client(user):
    """A test client logged in as ``user`` with the second factor passed, as after a real
    login with password and code; its session cookie is the one wrk sends."""
    from allauth.account.internal.flows import login
    from allauth.mfa.models import Authenticator
    from django.test import Client

    from kbregeling.web import idle

    client = Client(headers={"X-Forwarded-Proto": "https"})
    client.force_login(user)
    session = client.session
    now = time.time()
    records = [{"method": "password", "at": now, "username": user.username}]
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp:
        records.append({"method": "mfa", "at": now, "type": totp.type, "id": totp.pk})
    session[login.AUTHENTICATION_METHODS_SESSION_KEY] = records
    session[login._AUTHENTICATION_METHODS_USER_SESSION_KEY] = login.user_id_to_str(user)  # noqa: SLF001
    session[idle.LIMIT] = idle.idle_limit_seconds(user)
    session[idle.LAST_ACTIVITY] = int(now)
    session.save()
    return client


# Measuring ---------------------------------------------------------------------------------


def fetch(client, path):
    response = client.get(path)
    if getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return response


def in_process(client, path, runs) -> dict:
    """Status, SQL queries and the median time of ``runs`` requests after one warm-up."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = fetch(client, path)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fetch(client, path)
        times.append((time.perf_counter() - start) * 1000)
    return {"status": response.status_code, "sql": len(queries), "ms": statistics.median(times)}


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, cookie, duration) -> dict:
    """Requests/s, p50 and p99 (ms) and the non-2xx count of wrk, 2 threads, 8 connections."""
    command = ["wrk", "-t2", "-c8", f"-d{duration}s", "--timeout", "30s", "--latency"]
    command += ["-H", "X-Forwarded-Proto: https"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=False
    ).stdout
    result = {"rps": None, "p50": None, "p99": None, "errors": 0}
    if match := re.search(r"Requests/sec:\s+([\d.]+)", out):
        result["rps"] = float(match.group(1))
    for pct in ("50", "99"):
        if match := re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M):
            result[f"p{pct}"] = float(match.group(1)) * UNITS[match.group(2)]
    if match := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out):
        result["errors"] = int(match.group(1))
    if match := re.search(r"Socket errors:.*timeout (\d+)", out):
        result["errors"] += int(match.group(1))
    if not result["rps"]:  # nothing came back within the run
        result |= {"rps": None, "p50": None, "p99": None}
    return result


# Report ------------------------------------------------------------------------------------


def flags(row, bare_rps) -> list[str]:
    missed = []
    target = row["target"]
    if row.get("status") != 200:
        missed.append(f"HTTP {row.get('status')}")
    if row.get("ms") is not None and row["ms"] > (target or MAX_IN_PROCESS_MS):
        missed.append(f"in-process > {target or MAX_IN_PROCESS_MS} ms")
    if target is None and row.get("rps") is not None:
        if bare_rps and 100 * row["rps"] / bare_rps < MIN_SHARE:
            missed.append(f"< {MIN_SHARE}% of bare")
        if row["p99"] is not None and row["p99"] > MAX_P99_MS:
            missed.append(f"p99 > {MAX_P99_MS} ms")
    if row.get("errors"):
        missed.append(f"{row['errors']} non-2xx or timed out")
    return missed


def number(value, fmt):
    return "–" if value is None else format(value, fmt)


def print_table(rows, bare_rps):
    print("| page | req/s | p50 ms | p99 ms | share of bare | SQL | in-process ms | misses |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        share = 100 * row["rps"] / bare_rps if row.get("rps") and bare_rps else None
        print(
            f"| {row['label']} | {number(row.get('rps'), '.0f')} | {number(row.get('p50'), '.0f')}"
            f" | {number(row.get('p99'), '.0f')} | {number(share, '.0f')}{'%' if share else ''}"
            f" | {number(row.get('sql'), 'd')} | {number(row.get('ms'), '.0f')}"
            f" | {', '.join(flags(row, bare_rps)) if row['label'] != BARE[0] else ''} |"
        )


# Main --------------------------------------------------------------------------------------


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="postgres://user@host:port (database kb_bench)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--pages", default="", help="only pages whose label or path has this")
    parser.add_argument("--runs", type=int, default=5, help="in-process runs per page (median)")
    parser.add_argument("--skip-wrk", action="store_true", help="in-process only (fast)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args()


def chosen_pages(pattern):
    return [p for p in PAGES if pattern.lower() in f"{p[0]} {p[2]}".lower()]


def build_data():
    import scale_data  # beside this file

    start = time.perf_counter()
    users = scale_data.build()
    analyze()
    print(f"Data built in {time.perf_counter() - start:.0f} s: {counts()}", flush=True)
    return {
        "kb": users["kb_beoordelaar"],
        "digisterker": users["digisterker_beoordelaar"],
        "coordinator": users["coordinator"],
        "beheerder": users["kb_beheerder"],
        "staff": users["bibliotheekmedewerker"],
    }


def analyze():
    """Give the query planner its statistics, as autovacuum would have on a database that
    grew over years: bulk-loaded tables otherwise look empty to PostgreSQL's planner."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def counts() -> str:
    from aanmelding.models import Aanmelding, Bibliotheek
    from licenties.models import Licentie
    from rapportage.models import Herinnering, Rapportage

    models = [Bibliotheek, Licentie, Rapportage, Aanmelding, Herinnering]
    return ", ".join(f"{m.objects.count()} {m._meta.verbose_name_plural}" for m in models)


def measure(args, pages, users, servers) -> tuple[list, float | None]:
    from django.conf import settings
    from django.test import Client

    clients = {role: logged_in_client(user) for role, user in users.items()}
    clients[None] = Client(headers={"X-Forwarded-Proto": "https"})  # the public pages
    library = users["staff"].bibliotheek_id
    bare_rps = None
    rows = []
    if servers:
        wrk(servers["bare"], None, 1)  # warm-up, as for every page
        bare = wrk(servers["bare"], None, args.duration)
        bare_rps = bare["rps"]
        rows.append({"label": BARE[0], "target": None, **bare})
    for label, role, path, target in pages:
        path = path.format(library=library)
        row = {"label": label, "target": target}
        row |= in_process(clients[role], path, args.runs)
        if servers and row["status"] == 200:
            cookie = None
            if role:
                cookie = f"{settings.SESSION_COOKIE_NAME}="
                cookie += clients[role].cookies[settings.SESSION_COOKIE_NAME].value
            wrk(servers["product"] + path, cookie, 1)  # warm both workers: not counted
            settle(servers["product"])
            row |= wrk(servers["product"] + path, cookie, args.duration)
            settle(servers["product"])
        print(f"  {label}: {row}", file=sys.stderr, flush=True)
        rows.append(row)
    return rows, bare_rps


def settle(base_url, limit_s=60.0):
    """Wait until gunicorn has worked off the requests wrk left queued (a slow page such as
    the PDF leaves a backlog) and answers a cheap page quickly, so the next page is measured
    on an idle server."""
    deadline = time.monotonic() + limit_s
    quick = 0
    while quick < 2 and time.monotonic() < deadline:
        start = time.monotonic()
        try:
            request = urllib.request.Request(  # noqa: S310 (our own server)
                base_url + "/inloggen/", headers={"X-Forwarded-Proto": "https"}
            )
            with urllib.request.urlopen(request, timeout=limit_s) as response:  # noqa: S310
                response.read()
        except OSError:
            time.sleep(0.2)
            continue
        quick = quick + 1 if time.monotonic() - start < 0.1 else 0


def serve(tmp, env, redis) -> tuple[dict, list]:
    logs = Path(tmp) / "logs"
    logs.mkdir(exist_ok=True)
    config = None
    if not redis:  # gunicorn.conf.py refuses to start without the shared cache
        config = Path(tmp) / "gunicorn-no-checks.py"
        config.write_text("")
    with open(logs / "product.log", "w") as log:
        product, product_url = start_gunicorn("kbregeling.wsgi", BASE_DIR, env, log, config)
    with open(logs / "bare.log", "w") as log:
        bare, bare_url = start_gunicorn("barepage:application", write_bare_app(tmp), {}, log)
    return {"product": product_url, "bare": bare_url}, [product, bare]


def main():
    args = parse_args()
    pages = chosen_pages(args.pages)
    use_wrk = not args.skip_wrk and shutil.which("wrk")
    if not args.skip_wrk and not use_wrk:
        print("wrk is missing (apt-get install wrk): in-process figures only.")
    tmp = tempfile.mkdtemp(prefix="pages-bench-")
    database_url, admin_url = f"sqlite:///{tmp}/bench.sqlite3", None
    if args.database_url:
        database_url, admin_url = postgres_url(args.database_url)
        recreate_database(database_url, admin_url)
    redis = redis_up()
    if not redis:
        print("Redis is not at 127.0.0.1:6379: in-process cache, gunicorn without its checks.")
    processes = []
    try:
        env = production_env(tmp, database_url, redis)
        setup_django(env)
        users = build_data()
        servers = None
        if use_wrk:
            servers, processes = serve(tmp, env, redis)
        rows, bare_rps = measure(args, pages, users, servers)
        database = "PostgreSQL" if admin_url else "SQLite"
        load = f"wrk {args.duration} s per page" if servers else "no wrk"
        print(f"\n{database}, {os.cpu_count()} CPUs, {load}:\n")
        print_table(rows, bare_rps)
    except Exception:  # a measuring tape: say what broke, exit 0
        traceback.print_exc()
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        if args.keep:
            print(f"Kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
            if admin_url:
                from django.db import connections

                connections.close_all()
                recreate_database(database_url, admin_url, drop_only=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
