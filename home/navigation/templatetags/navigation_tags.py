"""What a menu entry adds by itself: the links its page offers (``menu_links``)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def menu_links(context, page):
    """(label, URL) pairs a linked page offers as its submenu, e.g. the PPID page's services.

    A page type opts in with a ``menu_links(request)`` method; navigation knows no page type.
    """
    if page is None:
        return []
    offer = getattr(page.specific, "menu_links", None)
    return offer(context.get("request")) if offer is not None else []
