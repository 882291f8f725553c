"""make bench: the production-like stack on loopback, measured with wrk. See docs/performance.md.

Starts Redis, gunicorn (portal.settings.production, 2 sync workers) on the benchmark database
(DATABASE_URL, default postgres://postgres@127.0.0.1:5432/portal_bench, filled by
``manage.py seed_bench``) and Varnish with deploy/varnish/portal.vcl in front; a second
gunicorn serves a trivial Django view (bench/trivial.py), the ceiling. Each page is warmed,
its SQL queries on a warm request counted in-process, then ``wrk`` runs for BENCH_DURATION
seconds at BENCH_CONNECTIONS connections, straight to gunicorn and through Varnish. Finally a
page is published through the SOP and the time until Varnish serves it is measured. The
table goes to bench/results/<date>.md (and latest.md).
"""

import datetime as dt
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.integration.services import Service, free_port, varnish, wait_for_port  # noqa: E402

DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
DOMAIN = os.environ.get("BENCH_DOMAIN", "ketapangkab.localhost")
OPD = f"opd01.{DOMAIN}"
RESULTS = REPO / "demo" / "bench" / "results"
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/portal_bench"
# BENCH_ONLY="news detail,search": only the rows whose name contains one of these (and the ceiling).
ONLY = [word.strip() for word in os.environ.get("BENCH_ONLY", "").split(",") if word.strip()]


# The ceiling is measured before and after every row (the "after" of one row is the "before" of
# the next) and each row is judged against their mean: one noisy moment cannot flatter or sink it.
CEILING_DURATION = int(os.environ.get("BENCH_CEILING_DURATION", "3"))
# BENCH_COMPARE=demo/bench/results/20261128-1920.md: each row's change against that earlier run.
COMPARE = os.environ.get("BENCH_COMPARE", "")
P99_LIMIT_MS = 100


def target(name):
    """Issue 25's floor for a row, as a ratio to the ceiling (uncached, straight at gunicorn)."""
    if name == "sitemap":
        return None
    if "feed" in name:
        return 0.09
    if "detail" in name:
        return 0.10
    return 0.05  # home pages, search and every list page


def earlier_rows(path):
    """{row name: (req/s, ×ceiling)} of an earlier results file, for BENCH_COMPARE."""
    rows, header = {}, None
    for line in Path(path).read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("| ") or len(cells) < 3 or set(cells[1]) <= {"-", " "}:
            continue
        if cells[0] == "page":
            header = cells if "×ceiling" in cells else None
            continue
        if header and cells[0] not in rows:
            rows[cells[0]] = (float(cells[header.index("req/s")]), float(cells[header.index("×ceiling")]))
    return rows


def change(name, ratio, earlier):
    if name not in earlier or not earlier[name][1]:
        return "new"
    return f"{ratio / earlier[name][1] - 1:+.0%}"


def wanted(name):
    return not ONLY or any(word in name for word in ONLY)


def need(binary, package):
    if shutil.which(binary) or Path(f"/usr/sbin/{binary}").exists():
        return
    print(f"{binary} missing: apt-get install -y {package}", flush=True)
    subprocess.run(["apt-get", "install", "-y", package], check=True)  # noqa: S603, S607


def environment(redis_port, app_port, purge_port, workdir):
    env = {
        "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": os.environ.get("DATABASE_URL", DEFAULT_DB),
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "WAGTAILADMIN_BASE_URL": f"http://{DOMAIN}",
        "VARNISH_PURGE_URLS": f"http://127.0.0.1:{purge_port}",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_MEDIA_ROOT": os.environ.get("BENCH_MEDIA_ROOT", str(REPO / "media")),
        "GUNICORN_BIND": f"127.0.0.1:{app_port}",
        "GUNICORN_WORKERS": os.environ.get("GUNICORN_WORKERS", "2"),
        "GUNICORN_LOG_LEVEL": "warning",
        "GUNICORN_MAX_REQUESTS": "0",
        # Plain HTTP on loopback, no second factor for the benchmark's admin session.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "PORTAL_REQUIRE_2FA": "false",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    return env


def wrk(url, host, cookie=None, duration=DURATION, connections=CONNECTIONS):
    argv = [
        "wrk",
        f"-t{min(THREADS, connections)}",
        f"-c{connections}",
        f"-d{duration}s",
        "-s",
        str(REPO / "demo" / "bench" / "report.lua"),
    ]
    argv += ["-H", f"Host: {host}"]
    if cookie:
        argv += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*argv, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(line for line in out.splitlines() if line.startswith("BENCH "))
    figures = dict(part.split("=") for part in line.split()[1:])
    seconds = int(figures["duration_us"]) / 1e6
    return {
        "rps": int(figures["requests"]) / seconds,
        "p50": int(figures["p50_us"]) / 1000,
        "p95": int(figures["p95_us"]) / 1000,
        "p99": int(figures["p99_us"]) / 1000,
        "errors": int(figures["errors"]),
    }


def main():
    for binary, package in (("wrk", "wrk"), ("varnishd", "varnish"), ("redis-server", "redis-server")):
        need(binary, package)
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    services = []
    try:
        redis_port, app_port, trivial_port = free_port(), free_port(), free_port()
        redis = Service("redis", ["redis-server", "--port", redis_port, "--bind", "127.0.0.1", "--save", ""])
        services.append(redis.start(wait_port=redis_port))
        cache, varnish_port, purge_port = varnish(app_port)
        services.append(cache)
        env = environment(redis_port, app_port, purge_port, workdir)
        os.environ.update(env)
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=REPO, check=True
        )
        gunicorn = [sys.executable, "-m", "gunicorn", "-c", str(REPO / "deploy" / "gunicorn.conf.py")]
        services.append(Service("gunicorn", gunicorn, env=env, cwd=REPO).start(wait_port=app_port))
        trivial_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{trivial_port}"}
        services.append(
            Service(
                "trivial", [*gunicorn, "demo.bench.trivial:application"], env=trivial_env, cwd=REPO
            ).start(wait_port=trivial_port)
        )
        wait_for_port(varnish_port)
        import django

        django.setup()
        from demo.bench.pages import admin_pages, count_queries, public_pages, publish_and_time

        rows, admin_rows, unqueued = [], [], []

        def measure_ceiling():
            figures = wrk(f"http://127.0.0.1:{trivial_port}/", "localhost", duration=CEILING_DURATION)
            print(f"trivial view: {figures['rps']:.0f} req/s", flush=True)
            return figures

        ceilings = [measure_ceiling()]
        for name, host, path in public_pages(DOMAIN):
            if not wanted(name):
                continue
            queries, status = count_queries(host, path)
            direct = wrk(f"http://127.0.0.1:{app_port}{path}", host)
            ceilings.append(measure_ceiling())
            direct["ceiling"] = (ceilings[-2]["rps"] + ceilings[-1]["rps"]) / 2
            wrk(f"http://127.0.0.1:{varnish_port}{path}", host, duration=1)  # into Varnish
            cached = wrk(f"http://127.0.0.1:{varnish_port}{path}", host)
            rows.append((name, path, status, queries, direct, cached))
            if name.startswith("search"):
                # One connection per worker: a search's own time, without waiting behind others.
                unqueued.append((name, path, wrk(f"http://127.0.0.1:{app_port}{path}", host, connections=2)))
            print(
                f"{name}: {queries} queries, {direct['rps']:.0f} req/s, varnish {cached['rps']:.0f}",
                flush=True,
            )
        # Before the admin rows: their slow pages can make Varnish's probe mark the app sick.
        visible = publish_and_time(f"http://127.0.0.1:{varnish_port}", OPD) if wanted("publish") else None
        if visible is not None:
            print(f"published → visible through Varnish in {visible:.3f} s", flush=True)
        for name, path, cookie, queries, status in admin_pages(DOMAIN, wanted):
            direct = wrk(f"http://127.0.0.1:{app_port}{path}", OPD, cookie=cookie, connections=2)
            admin_rows.append((name, path, status, queries, direct))
            print(
                f"{name}: {queries} queries, {direct['rps']:.1f} req/s, p50 {direct['p50']:.0f} ms",
                flush=True,
            )
        write_report(ceilings, rows, admin_rows, visible, unqueued)
    finally:
        for service in reversed(services):
            service.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def write_report(ceilings, rows, admin_rows, visible, unqueued=()):
    from django.db import connection

    from news.models import NewsPage
    from opd.models import OPD as OPDModel

    now = dt.datetime.now(dt.UTC)
    cpu = os.cpu_count()
    rates = [figures["rps"] for figures in ceilings]
    earlier = earlier_rows(COMPARE) if COMPARE else {}
    lines = [
        f"# Benchmark {now:%Y-%m-%d %H:%M} UTC",
        "",
        f"{OPDModel.objects.count() - 1} OPD sites, {NewsPage.objects.live().count()} live news pages; "
        f"PostgreSQL {connection.pg_version // 10000}, "
        f"gunicorn {os.environ['GUNICORN_WORKERS']} sync workers, "
        f"{cpu} CPU cores, wrk {THREADS} threads × {CONNECTIONS} connections × {DURATION} s per row.",
        "",
        f"Ceiling, trivial Django view, measured {len(ceilings)} times ({CEILING_DURATION} s each) before "
        f"and after every row: **{min(rates):.0f}–{max(rates):.0f} req/s**; each row's ×ceiling is taken "
        "against the mean of the two measurements around it. Target: issue 25's floor for the row "
        "(lists, home pages and search 0.05, feeds 0.09, detail pages 0.10) "
        f"and p99 under {P99_LIMIT_MS} ms.",
        "",
        "| page | path | status | SQL (warm) | req/s | p50 ms | p95 ms | p99 ms | errors | ceiling around "
        "| ×ceiling | target | met | Varnish req/s | Varnish p50 ms | Varnish p99 ms | Varnish errors |"
        + (" change |" if earlier else ""),
        "|" + " --- |" * 3 + " ---: |" * 9 + " --- |" + " ---: |" * (4 + bool(earlier)),
    ]
    for name, path, status, queries, d, c in rows:
        ratio = d["rps"] / d["ceiling"]
        floor = target(name)
        met = "—" if floor is None else ("yes" if ratio >= floor and d["p99"] < P99_LIMIT_MS else "no")
        lines.append(
            f"| {name} | `{path}` | {status} | {queries} | {d['rps']:.0f} | {d['p50']:.1f} | {d['p95']:.1f} "
            f"| {d['p99']:.1f} | {d['errors']} | {d['ceiling']:.0f} | {ratio:.3f} "
            f"| {'—' if floor is None else f'{floor:.2f}'} | {met} | {c['rps']:.0f} "
            f"| {c['p50']:.2f} | {c['p99']:.2f} | {c['errors']} |"
            + (f" {change(name, ratio, earlier)} |" if earlier else "")
        )
    if unqueued:
        lines += [
            "",
            "Search without queueing (uncached; 2 connections, one per worker: none waits for another):",
            "",
            "| page | path | req/s | p50 ms | p95 ms | p99 ms | errors |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, path, d in unqueued:
            lines.append(
                f"| {name} | `{path}` | {d['rps']:.0f} | {d['p50']:.1f} | {d['p95']:.1f} | {d['p99']:.1f} "
                f"| {d['errors']} |"
            )
    lines += [
        "",
        "Admin (logged in, never cached; 2 connections, one per worker: editors do not queue by the dozen):",
        "",
        "| page | path | status | SQL | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, path, status, queries, d in admin_rows:
        lines.append(
            f"| {name} | `{path}` | {status} | {queries} | {d['rps']:.1f} | {d['p50']:.0f} | {d['p95']:.0f} "
            f"| {d['p99']:.0f} | {d['errors']} |"
        )
    if visible is not None:
        lines += ["", f"Published through the SOP → visible through Varnish after **{visible:.3f} s**.", ""]
    text = "\n".join(lines)
    RESULTS.mkdir(exist_ok=True)
    if ONLY:  # a partial run is kept apart and never becomes latest.md
        (RESULTS / f"{now:%Y%m%d-%H%M}-partial.md").write_text(text)
    else:
        (RESULTS / f"{now:%Y%m%d-%H%M}.md").write_text(text)
        (RESULTS / "latest.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
