"""/healthz/live/: the liveness check Varnish probes (deploy/varnish/portal.vcl), answered before Django.

It says only "this gunicorn worker takes requests". Answered in front of Django, it runs no
middleware and no request signal, so it touches neither the database nor Redis: an outage of
either never marks the app server down in Varnish. Uncached pages then still reach Django (its
branded error page is never cached), and are served again the moment the outage ends.
/healthz/ (portal.health.views) stays the readiness check for operators and monitoring.
"""

LIVENESS_PATH = "/healthz/live/"
LIVENESS_HEADERS = [
    ("Content-Type", "text/plain; charset=utf-8"),
    ("Content-Length", "3"),
    ("Cache-Control", "no-store"),
]


def with_liveness_probe(application):
    """Wrap a WSGI application so that GET/HEAD /healthz/live/ answers 200 "ok" at once."""

    def wsgi(environ, start_response):
        if environ.get("PATH_INFO") == LIVENESS_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            start_response("200 OK", LIVENESS_HEADERS)
            return [b"ok\n"]
        return application(environ, start_response)

    return wsgi
