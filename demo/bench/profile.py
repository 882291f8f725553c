"""make profile: where each public page's time goes, with pyinstrument (docs/performance.md).

Runs in one process under ``portal.settings.production`` on the benchmark database (DATABASE_URL,
default the one ``make bench`` uses) with a private Redis, and requests each page of
demo/bench/pages.py through Django's full request path (middleware, routing, templates) as
gunicorn would, without the network. Per page: two warm-up requests (what a citizen meets
once the workers have served anything since the last publication: the per-worker stores and the
Redis fragments are filled), then PROFILE_REQUESTS requests under the profiler. Prints the
milliseconds per request and the call tree of the frames that take at least PROFILE_MIN_SHARE
of the time. PROFILE_COLD=1 empties Redis and the per-worker stores before
every request instead: the time a page costs right after a publication. PROFILE_TREE=0 prints
only the times (measured without the profiler, whose own cost is high on a virtual machine).

    BENCH_ONLY="news list" PROFILE_REQUESTS=100 .venv/bin/python demo/bench/profile.py
"""

import os
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from demo.bench.run import DEFAULT_DB, DOMAIN, wanted  # noqa: E402
from tests.integration.services import Service, free_port  # noqa: E402

REQUESTS = int(os.environ.get("PROFILE_REQUESTS", "50"))
COLD = os.environ.get("PROFILE_COLD") == "1"
MIN_SHARE = float(os.environ.get("PROFILE_MIN_SHARE", "0.04"))
TREE = os.environ.get("PROFILE_TREE", "1") != "0"


def configure(redis_port, workdir):
    os.environ.update(
        {
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": os.environ.get("DATABASE_URL", DEFAULT_DB),
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "WAGTAILADMIN_BASE_URL": f"http://{DOMAIN}",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SECURE_COOKIES": "false",
            "DJANGO_LOG_LEVEL": "ERROR",
            "DJANGO_MEDIA_ROOT": os.environ.get("BENCH_MEDIA_ROOT", str(REPO / "media")),
        }
    )


def forget_everything():
    from django.core.cache import cache

    from portal.core.performance import forget_all

    cache.clear()
    forget_all()


def timed(client, host, path):
    """(status, CPU ms, wall ms) per request, without the profiler's own cost."""
    status, elapsed, cpu = None, 0.0, 0.0
    for _ in range(REQUESTS):
        if COLD:
            forget_everything()
        started, started_cpu = time.perf_counter(), time.process_time()
        status = client.get(path, headers={"host": host}).status_code
        elapsed += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
    return status, cpu / REQUESTS * 1000, elapsed / REQUESTS * 1000


def profile_page(client, host, path):
    from pyinstrument import Profiler

    for _ in range(2):
        client.get(path, headers={"host": host})
    status, cpu, elapsed = timed(client, host, path)
    profiler = Profiler(interval=0.001)
    for _ in range(REQUESTS if TREE else 0):
        if COLD:
            forget_everything()
        profiler.start()  # a restarted profiler adds to the same session
        client.get(path, headers={"host": host})
        profiler.stop()
    return status, cpu, elapsed, profiler


def main():
    redis_port = free_port()
    redis = Service("redis", ["redis-server", "--port", redis_port, "--bind", "127.0.0.1", "--save", ""])
    redis.start(wait_port=redis_port)
    workdir = Path(tempfile.mkdtemp(prefix="portal-profile-"))
    try:
        configure(redis_port, workdir)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)
        from django.test import Client

        from demo.bench.pages import public_pages

        client = Client()
        for name, host, path in public_pages(DOMAIN):
            if not wanted(name):
                continue
            status, cpu, elapsed, profiler = profile_page(client, host, path)
            mode = "cold" if COLD else "warm"
            # CPU time is what the page costs a worker; wall time adds the waits for PostgreSQL
            # and Redis and, on a shared machine, for other processes (profiler included).
            print(
                f"\n## {name} `{path}`: {status}, {cpu:.1f} ms CPU, "
                f"{elapsed:.1f} ms wall per request ({mode})\n"
            )
            if not TREE:
                continue
            print(
                profiler.output_text(
                    unicode=True,
                    time="percent_of_total",
                    processor_options={"filter_threshold": MIN_SHARE},
                )[:8000]
            )
    finally:
        redis.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
