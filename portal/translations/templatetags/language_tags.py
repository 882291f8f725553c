"""The public site's language switcher and hreflang links (templates/base.html)."""

from django import template
from wagtail.models import Page

from portal.translations.languages import _current_language, _home_url, alternate_links, language_links

register = template.Library()


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    page = _page(context)
    links = language_links(request, page) if request is not None else []
    # Only a page can lack a translation; elsewhere (a 404) the home pages are the natural target.
    return {"links": links, "on_page": page is not None}


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    request = context.get("request")
    page = _page(context)
    return {"links": alternate_links(request, page) if request is not None and page is not None else []}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page of this site in the visitor's language ("/" or "/en/")."""
    request = context.get("request")
    return _home_url(request, _current_language()) if request is not None else "/"
