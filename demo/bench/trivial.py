"""The ceiling: a trivial Django view (no database, no middleware) served like the portal.

gunicorn -c deploy/gunicorn.conf.py demo.bench.trivial:application
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-trivial",  # noqa: S106 - serves one constant string on loopback
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)


def hello(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
