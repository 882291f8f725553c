"""The JDIHN integration feed, ``/jdihn.json`` on a JDIH site's host (docs/jdih.md).

A JSON array with one object per published legal product of the site, in the field names and
string values JDIHN members' feeds use, oldest first (so ``?offset`` paging is stable while
products are added). The rendered bytes are kept in Django's cache until public content changes
(the public content version moves on every publish and unpublish) and Varnish is told to purge
the path on publish (``PORTAL_PURGE_SITE_PATHS``).
"""

import json
from pathlib import PurePosixPath

from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from wagtail.models import Site

from portal.core.site_settings import current_version

from .models import LegalProductIndexPage, LegalProductPage

MAX_LIMIT = 1000
CACHE_SECONDS = 24 * 3600
#: The words JDIHN members use for a status, whatever the interface language.
STATUS_WORDS = {"berlaku": "Berlaku", "diubah": "Diubah", "dicabut": "Dicabut"}
NOT_APPLICABLE = "-"


def _date(value):
    return value.isoformat() if value else ""


def product_record(product, request):
    """One product as JDIHN harvests it: every value a string."""
    jenis, singkatan = product.jdihn_type
    document = product.document
    page_url = product.get_full_url(request)
    monograph = product.doc_type in ("monografi", "artikel")
    return {
        "idData": str(product.pk),
        "tahun_pengundangan": str(product.promulgated_on.year if product.promulgated_on else product.year),
        "tanggal_pengundangan": _date(product.promulgated_on),
        "tanggal_penetapan": _date(product.enacted_on),
        "jenis": jenis,
        "singkatanJenis": singkatan,
        "noPeraturan": product.number or NOT_APPLICABLE,
        "judul": product.full_title,
        "noPanggil": NOT_APPLICABLE,
        "tempatTerbit": product.place,
        "penerbit": product.publisher,
        "deskripsiFisik": f"{product.page_count} hlm." if product.page_count else NOT_APPLICABLE,
        "sumber": product.gazette or NOT_APPLICABLE,
        "subjek": ", ".join(product.subject_list),
        "isbn": (product.isbn if monograph else "") or NOT_APPLICABLE,
        "status": STATUS_WORDS.get(product.status, product.status),
        "bahasa": product.language,
        "bidangHukum": product.get_legal_field_display(),
        "teuBadan": product.teu,
        "nomorIndukBuku": NOT_APPLICABLE,
        "fileDownload": PurePosixPath(document.file.name).name if document else "",
        "urlDownload": request.build_absolute_uri(document.url) if document else "",
        "abstrak": product.abstract_text,
        "urlabstrak": f"{page_url}#abstrak" if product.abstract_text else "",
        "urlDetailPeraturan": page_url,
        "operasi": "4",
        "display": "1",
    }


def _bad_parameter(name):
    return JsonResponse(
        {"error": _("Parameter %(name)s harus bilangan bulat 0 atau lebih.") % {"name": name}}, status=400
    )


def _non_negative(request, name):
    value = request.GET.get(name)
    if value in (None, ""):
        return None
    if not value.isdigit():
        raise ValueError(name)
    return int(value)


def jdihn_feed(request):
    """``/jdihn.json``: 404 on a site without a JDIH library."""
    site = Site.find_for_request(request)
    if site is None or not LegalProductIndexPage.objects.live().descendant_of(site.root_page).exists():
        raise Http404
    try:
        offset = _non_negative(request, "offset") or 0
        limit = _non_negative(request, "limit")
    except ValueError as error:
        return _bad_parameter(error.args[0])
    limit = MAX_LIMIT if limit is None else min(limit, MAX_LIMIT)
    key = ":".join(
        str(part)
        for part in (
            "jdih:jdihn",
            site.pk,
            request.scheme,
            request.get_host(),
            offset,
            limit,
            current_version(),
        )
    )
    content = cache.get(key)
    if content is None:
        products = (
            LegalProductPage.objects.live()
            .public()
            .descendant_of(site.root_page)
            .filter(locale_id=site.root_page.locale_id)
            .select_related("document")
            .order_by("pk")[offset : offset + limit]
        )
        records = [product_record(product, request) for product in products]
        content = json.dumps(records, ensure_ascii=False).encode()
        cache.set(key, content, CACHE_SECONDS)
    return HttpResponse(content, content_type="application/json; charset=utf-8")
