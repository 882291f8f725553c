"""Settings shared by every environment.

This module is safe for production on its own: DEBUG is off, and the secret key and
allowed hosts come only from the environment. ``dev``, ``test`` and ``production``
build on it.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "portal"


def env(name, default=None, required=False):
    """Read a setting from the environment; fail start-up when a required one is missing."""
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(f"Environment variable {name} is required but not set.")
    return value


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return env(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
# Missing in the environment → Django refuses to start (ImproperlyConfigured: SECRET_KEY empty).
SECRET_KEY = env("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    # Our apps first so that their templates and translations win.
    "portal.core",
    "portal.catalogues",
    "opd.media_library",
    "opd",
    "opd.team",
    "home",
    "news",
    "news.announcements",
    "news.events",
    "news.library",
    "news.jdih",
    "news.gallery",
    "news.opendata",
    "news.wordpress",
    "home.navigation",
    "home.search",
    "home.alerts",
    "moderation",
    "portal.workdays",
    "moderation.compliance",
    "moderation.integrity",
    "moderation.newsroom",
    "ppid",
    "ppid.skm",
    # Production profile (issue 8): hardening, page cache purge, health, backup.
    "portal.security",
    "portal.page_cache",
    "portal.health",
    "portal.backup",
    "portal.outbox",
    "portal.translations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_email",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's admin says "now" and "2 hours ago" with humanize's naturaltime; listing the app
    # loads humanize's Indonesian catalogue for them.
    "django.contrib.humanize",
]

# Requests for hosts we do not serve: one WARNING line each, no traceback, no error mail
# (security/log_filters.py). production.py adds the console handler.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"downgrade_to_warning": {"()": "portal.security.log_filters.DowngradeToWarning"}},
    "loggers": {
        "django.security.DisallowedHost": {"level": "WARNING", "filters": ["downgrade_to_warning"]},
    },
}

MIDDLEWARE = [
    # Refuses hosts that are neither a Wagtail Site nor an extra (production only, see security/hosts.py).
    "portal.security.hosts.SiteHostsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag on every GET (pages, feeds, sitemaps): a revisit whose copy is still current gets a 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # E-mails sent while answering link to this request's scheme and port (core/mail_links.py).
    "portal.core.mail_links.RememberRequestForMailLinksMiddleware",
    "opd.middleware.InstallWideAdminViewsMiddleware",
    "opd.middleware.OwnOPDPagesMiddleware",
    "portal.translations.middleware.TranslationPublishGuardMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.security.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.security.csp.PortalCSPMiddleware",
    "portal.page_cache.middleware.CacheControlMiddleware",
    "news.wordpress.middleware.WordPressQueryRedirectMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # An admin post missing a StreamField's management data answers 400, not 500.
    "portal.security.malformed_posts.MalformedAdminPostMiddleware",
    # Last, as django-axes asks: it turns a recorded lockout into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database: SQLite by default, PostgreSQL (psycopg 3) when DATABASE_URL says so. ---
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
# The page type of a new OPD site's home page (opd/provisioning.py reads it here rather than
# importing a page app, which stands above it).
PORTAL_SITE_ROOT_PAGE_MODEL = "home.HomePage"
# The page types moderation/ makes or counts (moderation/page_types.py), by name for the same reason.
PORTAL_NEWS_PAGE_MODEL = "news.NewsPage"
PORTAL_NEWS_INDEX_PAGE_MODEL = "news.NewsIndexPage"
PORTAL_EVENT_PAGE_MODEL = "events.EventPage"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time: Indonesian first, English as the translation. ---
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# A translation of a live page starts as a draft: only the SOP's Publikasi step publishes it
# (wagtail-localize's default would publish the untranslated copy at once).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [
    BASE_DIR / "locale",  # our apps' strings; makemessages writes here
    # Our Indonesian for Wagtail's and wagtail-localize's admin (docs/i18n.md). Apart from
    # locale/ so makemessages never marks it obsolete; LOCALE_PATHS win over the packages' own.
    BASE_DIR / "locale" / "wagtail",
    # Django's own strings whose Indonesian does not use the portal's words ("Sandi anda" beside
    # "Kata sandi Anda" in the password hints); edited by hand, written by no tool.
    BASE_DIR / "locale" / "django",
]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# --- Static and media files. ---
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))

# Django's cache without Redis (``make run``, a one-machine install): files, shared by every
# process on the machine. The versions that tell a worker its in-memory copies are stale
# (core/performance.py) live here: a page published by a command (publish_scheduled from cron)
# reaches the running server's menus and lists. A per-process memory cache would not.
# Production and the tests set their own (Redis; local memory).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env("DJANGO_CACHE_DIR", str(BASE_DIR / ".cache" / "django")),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Wagtail. ---
WAGTAIL_SITE_NAME = "Portal Pemerintah Kabupaten Ketapang"
# Only the fallback for links in e-mails sent by commands and cron; an e-mail sent while answering
# a request links to the OPD's host with that request's scheme and port (core/mail_links.py).
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://ketapangkab.localhost:8000")
# No avatars from gravatar.com: the admin would send a hash of every editor's e-mail address to a
# third party on each page (and show console errors where the server has no Internet access).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's login form, with a translatable label on its password field (catalogues/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "portal.catalogues.forms.LoginForm"
WAGTAILIMAGES_IMAGE_MODEL = "media_library.PortalImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media_library.PortalDocument"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "doc",
    "json",
    "odt",
    "ods",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "xls",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Zip archives (and docx/xlsx/pptx/odt/ods, which are zips) are refused when their entries
# would expand past this many bytes or number more than this (a zip bomb), security/uploads.py.
PORTAL_ARCHIVE_MAX_EXPANDED_SIZE = int(env("PORTAL_ARCHIVE_MAX_EXPANDED_SIZE", str(100 * 1024 * 1024)))
PORTAL_ARCHIVE_MAX_ENTRIES = int(env("PORTAL_ARCHIVE_MAX_ENTRIES", "10000"))
# Wagtail's database search backend: PostgreSQL full text on PostgreSQL, SQLite FTS5 otherwise.
# On PostgreSQL the text search configuration stems Indonesian ("jalan" finds "jalanan");
# search/checks.py verifies that the server has it (`manage.py check --database default`).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = env("PORTAL_SEARCH_CONFIG", "indonesian")
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The SOP's last step publishes; nobody holds Wagtail's publish permission, so the
# workflow's finishing action publishes on the workflow's authority (moderation/workflows.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "moderation.workflows.publish_after_sop_approval"
# Each OPD's mail goes to that OPD's people; the Web Developer is not copied on all of it.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True

# Office time (workdays/calendar.py): WIB office hours, Monday-Friday, national holidays
# plus the cuti bersama the Web Developer enters under Pengaturan → Hari libur.
PORTAL_OFFICE_HOURS = ("07:30", "16:00")
PORTAL_WORKING_WEEKDAYS = (0, 1, 2, 3, 4)
PORTAL_NATIONAL_HOLIDAYS = True

# How elapsed time is measured against the mutu baku: "office_hours" (default; see
# docs/architecture.md) or "wall_clock".
PORTAL_MUTU_BAKU_CLOCK = "office_hours"

# Integrity monitor (integrity/): outbound links to other domains and these terms
# (judi online spam seen on defaced government sites) are reported. Every Wagtail site's
# own hostname is allowed too.
PORTAL_LINK_ALLOWLIST = [
    "go.id",
    "ketapangkab.go.id",
    "kalbarprov.go.id",
    "lapor.go.id",
    "youtube.com",
    "youtu.be",
    "facebook.com",
    "instagram.com",
    "x.com",
    "twitter.com",
    "tiktok.com",
    "wikipedia.org",
    "openstreetmap.org",
]
PORTAL_SPAM_TERMS = [
    "slot gacor",
    "slot online",
    "situs slot",
    "judi online",
    "judi bola",
    "togel",
    "toto macau",
    "maxwin",
    "scatter hitam",
    "rtp live",
    "rtp slot",
    "gacor",
    "mahjong ways",
    "sbobet",
    "deposit pulsa",
    "bandar togel",
]

# Mutu baku of SOP step 5 (rilis dan editing by the Penulis): first revision to first submission.
PORTAL_MUTU_BAKU_RILIS = timedelta(hours=1)
# Mutu baku of SOP steps 3 and 4 (newsroom/): the coverage team gathers data, photos and video
# (1-3 hours) and covers the event (1-5 hours); the upper bound is the standard.
PORTAL_MUTU_BAKU_PENUGASAN = timedelta(hours=3)
PORTAL_MUTU_BAKU_PELIPUTAN = timedelta(hours=5)

# --- E-mail: console in development, SMTP from the environment in production. ---
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "Portal Kabupaten Ketapang <noreply@ketapangkab.go.id>")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# What actually sends mail when EMAIL_BACKEND is outbox's task-queue backend (production).
PORTAL_EMAIL_DELIVERY_BACKEND = EMAIL_BACKEND

LOGIN_URL = "wagtailadmin_login"

# --- Production profile (issue 8). Everything below is safe defaults; production.py and the
# environment (docs/operations.md) tune it. ---

# The admin lives on a configurable path (no leading slash, trailing slash), "admin/" by default.
PORTAL_ADMIN_PATH = env("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

# Background work (search index, reference index, cache purge, file clean-up) goes through the
# django-tasks backport Wagtail 8 uses. Immediate here; production.py uses the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# WordPress import (news/wordpress, docs/migration.md): uploaded exports stay out of the public media.
PORTAL_WORDPRESS_IMPORT_ROOT = Path(
    env("PORTAL_WORDPRESS_IMPORT_ROOT", str(BASE_DIR / "var" / "wordpress-import"))
)
# Revisions the integrity monitor accepts as published legitimately besides the SOP's.
PORTAL_INTEGRITY_SANCTIONED_ACTIONS = ["wordpress.import"]
PORTAL_WORDPRESS_MAX_MEDIA_BYTES = 20 * 1024 * 1024  # one attachment
PORTAL_WORDPRESS_MAX_UPLOADS_BYTES = 2 * 1024 * 1024 * 1024  # a zip of wp-content/uploads, unpacked

# Hosts: False keeps Django's own ALLOWED_HOSTS check; production turns on the Site-derived check.
PORTAL_ALLOWED_HOSTS_FROM_SITES = False
PORTAL_EXTRA_ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
PORTAL_NUMBER_OF_PROXIES = int(env("PORTAL_NUMBER_OF_PROXIES", "0"))

# Two-factor authentication (django-otp TOTP) for everyone who uses the admin.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Portal Kabupaten Ketapang")
# The first enrolment needs a code sent to the account's e-mail (security/enrolment.py): valid
# 10 minutes, one send a minute, void after 5 wrong tries (our hard limit, instead of
# django-otp's growing delay).
OTP_EMAIL_TOKEN_VALIDITY = int(env("OTP_EMAIL_TOKEN_VALIDITY", "600"))
OTP_EMAIL_COOLDOWN_DURATION = 60
OTP_EMAIL_THROTTLE_FACTOR = 0
PORTAL_2FA_EMAIL_CODE_ATTEMPTS = 5

# Login throttling (django-axes): 5 failures for one user name from one address locks that pair
# out for an hour. Locking on the name alone would let anyone lock an editor out; on the
# address alone would punish a whole office behind one NAT.
AXES_ENABLED = env_bool("PORTAL_LOGIN_THROTTLING", True)
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "60")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip.client_ip"

# Uploads: the extension lists above plus content sniffing (security/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.security.uploads.SafeImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.security.uploads.SafeDocumentForm"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 128_000_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Documents go through Wagtail's view so that collection privacy holds with S3 media too.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Content-Security-Policy for the public site: no inline script at all; inline <style> only
# by hash ({% csp_style %}, security/templatetags). The admin is excluded: Wagtail's admin is
# not written for a strict policy and is protected by login and 2FA instead.
PORTAL_CSP_EXTRA_IMG_SRC = env_list("CSP_IMG_SRC")
PORTAL_CSP_EXTRA_FRAME_SRC = env_list("CSP_FRAME_SRC", "https://www.youtube.com,https://player.vimeo.com")
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [f"/{PORTAL_ADMIN_PATH}"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *PORTAL_CSP_EXTRA_IMG_SRC],
        "frame-src": ["'self'", *PORTAL_CSP_EXTRA_FRAME_SRC],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# A form refused by the CSRF check gets a branded Indonesian page with a way back, not Django's bare 403.
CSRF_FAILURE_VIEW = "portal.core.views.csrf_failure"
# X_FRAME_OPTIONS stays Django's "DENY"; Wagtail's preview views allow their own same-origin iframe.

# Page cache (Varnish): how long anonymous pages may be kept. Publishing purges at once.
PORTAL_SHARED_CACHE_SECONDS = int(env("PORTAL_SHARED_CACHE_SECONDS", "3600"))
PORTAL_BROWSER_CACHE_SECONDS = int(env("PORTAL_BROWSER_CACHE_SECONDS", "60"))
# Paths of every site purged whenever a page of that site is published or unpublished.
PORTAL_PURGE_SITE_PATHS = env_list("PORTAL_PURGE_SITE_PATHS", "/sitemap.xml,/feed/,/rss/,/jdihn.json")

# One-time links to set a password (team/invitations.py): an invitation to a new account
# lasts this long (seconds); a password link sent to an existing account lasts
# PASSWORD_RESET_TIMEOUT (Django's default, 3 days).
# PPID (ppid/): identity data of answered requests is purged after this many days
# (purge_ppid_identities timer). The public forms (permohonan, keberatan) take, per OPD, this
# many stored submissions per client address per window (sized for a carrier-grade NAT address
# shared by many people) and per NIK per window (ppid/abuse.py). Windows are at most a day.
PORTAL_PPID_RETENTION_DAYS = int(env("PORTAL_PPID_RETENTION_DAYS", "365"))
PORTAL_PPID_RATE_LIMIT = int(env("PORTAL_PPID_RATE_LIMIT", "20"))
PORTAL_PPID_RATE_WINDOW = int(env("PORTAL_PPID_RATE_WINDOW", "3600"))
PORTAL_PPID_NIK_LIMIT = int(env("PORTAL_PPID_NIK_LIMIT", "5"))
PORTAL_PPID_NIK_WINDOW = int(env("PORTAL_PPID_NIK_WINDOW", "86400"))

PORTAL_INVITATION_TIMEOUT = int(env("PORTAL_INVITATION_TIMEOUT", str(3 * 24 * 3600)))
