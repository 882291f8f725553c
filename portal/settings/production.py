"""Production settings: everything from the environment (see docs/operations.md, .env.example).

Required: DJANGO_SECRET_KEY, DATABASE_URL (PostgreSQL), REDIS_URL, WAGTAILADMIN_BASE_URL.
Start-up fails with ImproperlyConfigured naming the variable when one is missing.
"""

from .base import *  # noqa: F403
from .base import DATABASES, env, env_bool, env_list

SECRET_KEY = env("DJANGO_SECRET_KEY", required=True)

# --- Database: PostgreSQL only. base.py read DATABASE_URL; here it must be set and be PostgreSQL.
env("DATABASE_URL", required=True)
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL in production (postgres://...).")
DATABASES["default"]["CONN_MAX_AGE"] = int(env("DATABASE_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# --- Hosts: every Wagtail Site's hostname is accepted, plus DJANGO_ALLOWED_HOSTS (extras such as
# www. aliases or the server's own name). Checked per request by portal.security.hosts.SiteHostsMiddleware,
# because settings load before the database can be read.
ALLOWED_HOSTS = ["*"]
PORTAL_ALLOWED_HOSTS_FROM_SITES = True
PORTAL_EXTRA_ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", required=True)

# --- Redis: Django's cache, sessions, and Wagtail's rendition cache, each with its own prefix.
# Redis is a cache: while it is away pages are built from the database (core/cache.py), and
# admins are logged out until it is back (core/sessions.py); see docs/operations.md.
REDIS_URL = env("REDIS_URL", required=True)


# Sessions may live in their own Redis (one that never evicts), see docs/scaling.md.
REDIS_SESSIONS_URL = env("REDIS_SESSIONS_URL") or REDIS_URL


def redis_cache(prefix, timeout=300, location=REDIS_URL):
    return {
        "BACKEND": "portal.core.cache.PortalRedisCache",
        "LOCATION": location,
        "KEY_PREFIX": prefix,
        "TIMEOUT": timeout,
        # Short socket time-outs: a Redis host that stopped answering costs a request one second
        # at most, then portal.core.cache skips Redis for a second (RETRY_AFTER_SECONDS).
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
    }


CACHES = {
    "default": redis_cache("portal"),
    "sessions": redis_cache("session", timeout=None, location=REDIS_SESSIONS_URL),
    "renditions": redis_cache("rendition", timeout=24 * 3600),
}
SESSION_ENGINE = "portal.core.sessions"
SESSION_CACHE_ALIAS = "sessions"
SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", str(8 * 3600)))

# --- Background tasks: stored in PostgreSQL, run by `manage.py db_worker` (deploy/portal-worker.service).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Media: S3-compatible object storage (MinIO, Ceph RGW, a cloud bucket) when a bucket is named,
# local files in DJANGO_MEDIA_ROOT otherwise. Original images, renditions and documents all go there.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": AWS_STORAGE_BUCKET_NAME,
                "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
                "region_name": env("AWS_S3_REGION_NAME") or None,
                "access_key": env("AWS_ACCESS_KEY_ID") or None,
                "secret_key": env("AWS_SECRET_ACCESS_KEY") or None,
                "custom_domain": env("AWS_S3_CUSTOM_DOMAIN") or None,
                "location": env("AWS_LOCATION", "media"),
                "addressing_style": env("AWS_S3_ADDRESSING_STYLE", "path"),
                # Public media: plain URLs that Varnish and browsers can cache, no expiring signatures.
                "querystring_auth": False,
                "default_acl": None,
                "file_overwrite": False,
            },
        },
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

    # Images then come from the bucket's address: let the Content-Security-Policy allow it.
    media_origin = (
        f"https://{STORAGES['default']['OPTIONS']['custom_domain']}"
        if STORAGES["default"]["OPTIONS"]["custom_domain"]
        else STORAGES["default"]["OPTIONS"]["endpoint_url"]
    )
    if media_origin:
        CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(media_origin)  # noqa: F405

# --- HTTPS behind nginx: trust X-Forwarded-Proto from our own proxy only (nginx sets it).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
PORTAL_NUMBER_OF_PROXIES = int(env("PORTAL_NUMBER_OF_PROXIES", "2"))
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# The load balancer probes /healthz/ over plain HTTP (Varnish's /healthz/live/ never reaches Django).
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = int(env("DJANGO_SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# --- Two-factor authentication for every admin user; login throttling (base.py) stays on.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", True)

# --- Varnish purge: one entry per Varnish server, e.g. "http://10.0.0.5:6081,http://10.0.0.6:6081".
WAGTAILFRONTENDCACHE = {
    f"varnish{index}": {
        "BACKEND": "portal.page_cache.backends.VarnishBackend",
        "LOCATION": location,
        "TIMEOUT": 2,
    }
    for index, location in enumerate(env_list("VARNISH_PURGE_URLS"))
}

# --- E-mail: queued as a background task (outbox/), delivered by the worker over SMTP.
EMAIL_BACKEND = "portal.outbox.backends.TaskEmailBackend"
PORTAL_EMAIL_DELIVERY_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 20
SERVER_EMAIL = env("DJANGO_SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
ADMINS = [("Web Developer", address) for address in env_list("DJANGO_ADMINS")]

# --- Logging to stderr: systemd's journal keeps it.
# base.py's LOGGING keeps DisallowedHost to one WARNING line without a traceback.
LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {"plain": {"format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
}
