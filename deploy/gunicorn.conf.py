"""gunicorn settings for the portal (deploy/systemd/portal-web.service). Tune with the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Sync workers: one request at a time each; 2 × cores + 1 is gunicorn's rule of thumb.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never grows.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Only Varnish / nginx on these addresses may tell us the original scheme and client.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Load Django once in the master and fork: workers start fast and share memory.
preload_app = True
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
wsgi_app = "portal.wsgi:application"


def pre_fork(server, worker):
    """Move what the preloaded app allocated out of the garbage collector's sight: workers share
    those pages without copying them, and each collection scans only what requests allocate."""
    import gc

    gc.freeze()


def post_fork(server, worker):
    import gc

    # Fewer, larger young-generation collections: a page allocates tens of thousands of objects.
    gc.set_threshold(20_000, 20, 20)
