"""Is core/routing.py worth keeping over Wagtail's own routing, and core/cache.py over Django's
RedisCache? An in-process timing loop, small and bounded (see docs/performance.md, issue 21).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_x .venv/bin/python bench/routing_cache.py

Creates a throwaway test database next to DATABASE_URL's (``test_<name>``, dropped at the end),
starts redis-server on a free loopback port, builds one OPD site with a news index of 60
articles, then requests the OPD home and a news detail page with Django's test client (no
Varnish: every request is rendered; the worker's memory and Redis are warm, as on a busy
worker) in interleaved rounds for each variant: our routing or Wagtail's, our Redis client or
Django's. Prints the median and 90th percentile per request, and the SQL queries of one
request. ROUTING_BENCH_REQUESTS (default 40) requests per page, variant and round, 5 rounds.
"""

import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    override_settings,
    setup_databases,
    setup_test_environment,
    teardown_databases,
)
from wagtail.models import Page  # noqa: E402

from portal.core import routing  # noqa: E402
from portal.core.performance import forget_all  # noqa: E402
from tests.integration.services import Service, free_port, require_binary  # noqa: E402

REQUESTS = int(os.environ.get("ROUTING_BENCH_REQUESTS", "40"))
ROUNDS = 5
HOST = "opd01.ketapangkab.localhost"


def build_site():
    from news.models import NewsIndexPage, NewsPage
    from opd.tests.factories import make_opd
    from tests.content import add_index, publish

    make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
    opd = make_opd("opd01", "Dinas Satu")
    index = add_index(opd, NewsIndexPage, "Berita", "berita")
    article = None
    for number in range(60):
        article = publish(
            index,
            NewsPage(
                title=f"Berita nomor {number}",
                slug=f"berita-{number}",
                date=date(2026, 1, 1) + timedelta(days=number),
                lead="Ringkasan berita.",
                body=[("paragraph", f"<p>Isi berita {number}.</p>")],
            ),
        )
    return [("OPD home", "/"), ("news detail", article.url_path.removeprefix("/opd01"))]


def use_wagtails_routing(enabled):
    if enabled:
        Page.route_for_request = staticmethod(routing._original_route_for_request)
    else:
        routing.install()


def cache_settings(backend, redis_port):
    return {
        "default": {
            "BACKEND": backend,
            "LOCATION": f"redis://127.0.0.1:{redis_port}/0",
            "KEY_PREFIX": "portal",
        }
    }


def time_requests(client, path):
    samples = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(path, headers={"host": HOST})
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return samples


def queries_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        client.get(path, headers={"host": HOST})
    return len(queries)


VARIANTS = {
    "our routing + our Redis client": (False, "portal.core.cache.PortalRedisCache"),
    "Wagtail's routing + our Redis client": (True, "portal.core.cache.PortalRedisCache"),
    "our routing + Django's RedisCache": (False, "django.core.cache.backends.redis.RedisCache"),
}


def time_cache_operations(redis_port, operations=2000):
    """Microseconds per cache read through each backend (what a page does about ten times)."""
    from django.core.cache import caches

    results = {}
    for backend in ("portal.core.cache.PortalRedisCache", "django.core.cache.backends.redis.RedisCache"):
        with override_settings(CACHES=cache_settings(backend, redis_port)):
            cache = caches["default"]
            cache.set_many({f"bench:{n}": n for n in range(8)})
            keys = [f"bench:{n}" for n in range(8)]
            for name, operation in (
                ("get", lambda cache=cache: cache.get("bench:1")),
                ("get_many (8)", lambda cache=cache, keys=keys: cache.get_many(keys)),
            ):
                best = []
                for _ in range(ROUNDS):
                    start = time.perf_counter()
                    for _ in range(operations):
                        operation()
                    best.append((time.perf_counter() - start) / operations * 1e6)
                results[backend, name] = statistics.median(best)
    return results


def main():
    redis_server = require_binary("redis-server")
    redis_port = free_port()
    redis = Service("redis", [redis_server, "--port", redis_port, "--bind", "127.0.0.1", "--save", ""])
    redis.start(wait_port=redis_port)
    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        pages = build_site()
        client = Client()
        samples = {(variant, name): [] for variant in VARIANTS for name, _ in pages}
        queries = {}
        for _ in range(ROUNDS):
            for variant, (wagtails, backend) in VARIANTS.items():
                with override_settings(CACHES=cache_settings(backend, redis_port)):
                    use_wagtails_routing(wagtails)
                    forget_all()
                    for name, path in pages:
                        for _ in range(5):  # warm: worker memory, fragments in Redis
                            client.get(path, headers={"host": HOST})
                        queries[variant, name] = queries_of(client, path)
                        samples[variant, name] += time_requests(client, path)
        use_wagtails_routing(False)
        operations = time_cache_operations(redis_port)
        print(f"{connection.vendor}, {ROUNDS} rounds x {REQUESTS} requests per page and variant")
        print("| page | variant | median ms | p90 ms | queries |")
        print("|---|---|---:|---:|---:|")
        for name, _ in pages:
            for variant in VARIANTS:
                values = sorted(samples[variant, name])
                p90 = values[int(len(values) * 0.9)]
                median = statistics.median(values)
                print(f"| {name} | {variant} | {median:.2f} | {p90:.2f} | {queries[variant, name]} |")
        print("\n| cache read | backend | µs per call (median of rounds) |")
        print("|---|---|---:|")
        for (backend, name), micros in operations.items():
            print(f"| {name} | {backend} | {micros:.0f} |")
    finally:
        teardown_databases(databases, verbosity=0)
        redis.stop()


if __name__ == "__main__":
    main()
