"""Development settings: the conveniences a developer's machine wants."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

# The demo content (seed_demo) and the bench data (seed_bench) are development tools: production
# does not install them (base.py), so a production image cannot seed fake people into a live site.
DEVELOPMENT_APPS = ["demo", "demo.benchdata"]
INSTALLED_APPS = [*INSTALLED_APPS, *DEVELOPMENT_APPS]  # noqa: F405

DEBUG = True
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ".localhost,localhost,127.0.0.1,testserver")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# No authenticator app needed on a developer's machine; production requires it.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", False)
