"""/sitemap.xml of one host: its pages in every language, each with its hreflang alternates."""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    """Wagtail's sitemap of the requesting site, over every language tree of the site."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
        in_site = reduce(or_, (Q(path__startswith=path) for path in roots))
        return Page.objects.filter(in_site).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        entries = []
        by_key = {}
        for item in self.paginator.page(page).object_list.iterator():
            for url_info in item.get_sitemap_urls(self.request):
                entries.append((item, url_info))
                by_key.setdefault(item.translation_key, {})[item.locale.language_code] = url_info["location"]
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
