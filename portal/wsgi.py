"""WSGI entry point; production servers set DJANGO_SETTINGS_MODULE=portal.settings.production."""

import os

from django.core.wsgi import get_wsgi_application

from portal.health.probe import with_liveness_probe

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

# Varnish's probe (/healthz/live/) is answered in front of Django: see health/probe.py.
application = with_liveness_probe(get_wsgi_application())
