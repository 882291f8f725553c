"""/sitemap.xml of one host: its pages in every language, each with its hreflang alternates."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import HttpResponse
from django.utils.translation import get_language
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Locale, Page, Site

from portal.core.site_settings import current_version


class TranslatedSitemap(Sitemap):
    """Wagtail's sitemap of the requesting site, over every language tree of the site."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
        in_site = reduce(or_, (Q(path__startswith=path) for path in roots))
        return Page.objects.filter(in_site).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """The entries of one sitemap page, kept in Django's cache until the public content
        changes (``portal.core.site_settings.current_version``: any publication, move or deletion)."""
        site = self.get_wagtail_site()
        key = f"portal:sitemap:{site.pk}:{get_language()}:{page}:{protocol}:{domain}:{current_version()}"
        cached = cache.get(key)
        if cached is None:
            cached = (self._build_urls(page, protocol, domain), getattr(self, "latest_lastmod", None))
            cache.set(key, cached, 24 * 3600)
        urls, self.latest_lastmod = cached
        return urls

    def _build_urls(self, page, protocol, domain):
        entries = []
        by_key = {}
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        # Large chunks: the specific rows of each page type are fetched once per chunk.
        for item in self.paginator.page(page).object_list.iterator(chunk_size=10000):
            for url_info in item.get_sitemap_urls(self.request):
                entries.append((item, url_info))
                by_key.setdefault(item.translation_key, {})[languages[item.locale_id]] = url_info["location"]
        urls, last_mods = [], set()
        for item, url_info in entries:
            locations = by_key[item.translation_key]
            if len(locations) > 1:
                url_info["alternates"] = [
                    {"lang_code": code, "location": locations[code]}
                    for code, _name in settings.LANGUAGES
                    if code in locations
                ]
                if settings.LANGUAGE_CODE in locations:
                    url_info["alternates"].append(
                        {"lang_code": "x-default", "location": locations[settings.LANGUAGE_CODE]}
                    )
            urls.append(url_info)
            last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def cached_sitemap(request, **kwargs):
    """Wagtail's sitemap view, its rendered bytes kept in Django's cache until the public
    content changes (the sitemap of 2,500 articles took over a second to render)."""
    site = Site.find_for_request(request)
    key = ":".join(
        str(part)
        for part in (
            "portal:sitemap-response",
            site.pk if site else "-",
            request.scheme,
            request.get_host(),
            get_language(),
            request.GET.get("p", ""),
            current_version(),
        )
    )
    cached = cache.get(key)
    if cached is None:
        response = sitemap(request, **kwargs)
        response.render()
        if response.status_code != 200:
            return response
        headers = {name: value for name, value in response.items() if name != "Content-Length"}
        cached = (response.content, headers)
        cache.set(key, cached, 24 * 3600)
    content, headers = cached
    return HttpResponse(content, headers=headers)
