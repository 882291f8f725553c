"""Where each language of the site is, seen from the page (or view) a visitor is on.

Every public page offers the other language: the page's own translation when it exists and
is live, otherwise that language's home page of the same site, so the switcher never leads
to a 404. Views that are not pages (search) exist in every language at the same path.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from portal.core.performance import kept_per_worker
from portal.core.public_urls import absolute_url_for_request
from portal.core.site_settings import current_version


@dataclass
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    # False when the link falls back to the language's home page.
    translated: bool


_translations = kept_per_worker()


def _live_translations(page, request=None):
    """{language code: page} of the page's live translations (itself included).

    Asked by the switcher, the hreflang links and the home link of one page: once per request.
    """
    if page is None or not getattr(page, "translation_key", None):
        return {}
    known = getattr(request, "_portal_live_translations", None) if request is not None else None
    if known is not None and page.translation_key in known:
        return known[page.translation_key]
    keys = {page.translation_key}
    # The switcher also needs the site's home page in each language: ask for both at once.
    site = getattr(request, "_wagtail_site", None)
    if site is not None and "root_page" in site._state.fields_cache:
        keys.add(site.root_page.translation_key)

    def read():
        answer = {key: {} for key in keys}
        pages = Page.objects.filter(translation_key__in=keys).live().select_related("locale")
        for translation in pages:
            answer[translation.translation_key][translation.locale.language_code] = translation
        return answer

    # Kept per worker until the public content changes (a publication, unpublication, move or
    # deletion bumps the version): the query was a sixth of a warm news list's time.
    found = _translations.at(current_version()).kept(tuple(sorted(keys, key=str)), read)
    if request is not None:
        if known is None:
            known = request._portal_live_translations = {}
        known.update(found)
    return found[page.translation_key]


_home_urls = kept_per_worker()


def _home_url(request, code):
    """The site's home page in that language, or the language's root when it has none live.

    Kept per worker until the public content changes (a search page asked two queries for it).
    """
    site = Site.find_for_request(request)

    def home_url():
        home = _live_translations(site.root_page, request).get(code)
        return home.get_url(request) if home is not None else None

    url = _home_urls.at(current_version()).kept((site.pk, code), home_url) if site is not None else None
    return url or ("/" if code == settings.LANGUAGE_CODE else f"/{code}/")


def _current_language():
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return current if current in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def language_links(request, page=None):
    """One link per language of the portal, the visitor's own first marked current."""
    current = _current_language()
    translations = _live_translations(page, request)
    match = getattr(request, "resolver_match", None)
    # A view other than Wagtail's page serving (search) answers at the same path in each language.
    same_path = page is None and match is not None and match.view_name not in ("wagtail_serve", "")
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url, translated = translations[code].get_url(request), True
        elif same_path:
            url, translated = translate_url(request.get_full_path(), code), True
        else:
            url, translated = _home_url(request, code), False
        links.append(LanguageLink(code, name, url, code == current, translated))
    return links


def alternate_links(request, page):
    """[(hreflang, absolute URL)] of the page's live translations, then x-default (Indonesian)."""
    translations = _live_translations(page, request)
    if not translations:
        return []
    links = [
        (code, absolute_url_for_request(translations[code].get_full_url(request), request))
        for code, _ in settings.LANGUAGES
        if code in translations
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        links.append(("x-default", absolute_url_for_request(default.get_full_url(request), request)))
    return links
