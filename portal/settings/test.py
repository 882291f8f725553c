"""Test settings: fast hashing, local-memory cache, nothing leaves the machine."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

# The demo content (seed_demo) and the bench data (seed_bench) are development tools: production
# does not install them (base.py), so a production image cannot seed fake people into a live site.
DEVELOPMENT_APPS = ["demo", "demo.benchdata"]
INSTALLED_APPS = [*INSTALLED_APPS, *DEVELOPMENT_APPS]  # noqa: F405

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = [".localhost", "localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-static-"))
PORTAL_WORDPRESS_IMPORT_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-wordpress-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Production hardening stays off for the unit tests (tests log in with client.login, which
# passes no request to authenticate()); the security tests turn each on with override_settings.
PORTAL_REQUIRE_2FA = False
AXES_ENABLED = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
