"""Health checks: /healthz/ (readiness, for operators and monitoring) and /healthz/live/ (liveness)."""

import logging
import time
import uuid

from django.core.cache import caches
from django.db import connections
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .probe import LIVENESS_HEADERS

logger = logging.getLogger(__name__)


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    cache = caches["default"]
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    value = cache.get(key)
    cache.delete(key)
    if value != "ok":
        raise RuntimeError("cache did not return the value just written")


CHECKS = {"database": check_database, "cache": check_cache}


@never_cache
@require_GET
def healthz(request):
    """200 {"status": "ok", ...} when every check passes, 503 with the failing check otherwise.

    The reason of a failure is logged, not returned: the endpoint is public.
    """
    results = {}
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            check()
        except Exception:
            logger.exception("Health check %s failed", name)
            results[name] = {"status": "error"}
        else:
            results[name] = {"status": "ok", "ms": round((time.monotonic() - started) * 1000, 1)}
    healthy = all(result["status"] == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": results}, status=200 if healthy else 503
    )


def live(request):
    """/healthz/live/ for servers that do not run portal.wsgi (runserver, Django's test server
    behind Varnish in tests): the same answer portal.health.probe gives in front of Django in production."""
    response = HttpResponse(b"ok\n")
    for name, value in LIVENESS_HEADERS:
        response[name] = value
    return response
