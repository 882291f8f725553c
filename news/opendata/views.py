"""The DCAT catalogue of a data catalogue page, at ``<catalogue address>catalog.ttl`` / ``.jsonld``."""

from django.http import Http404
from wagtail.models import Site

from .dcat import catalogue_response
from .models import DatasetIndexPage

FORMATS = {"ttl": "turtle", "jsonld": "json-ld"}


def dcat_catalogue(request, path, fmt):
    """The catalogue page of this site at ``path`` (e.g. ``data/``), as DCAT."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    root = site.root_page
    index = (
        DatasetIndexPage.objects.live()
        .public()
        .descendant_of(root)
        .filter(url_path=f"{root.url_path}{path}")
        .first()
    )
    if index is None:
        raise Http404
    return catalogue_response(index, request, FORMATS[fmt])
