"""Template tags of the public layout (templates/base.html): the breadcrumb trail."""

from django import template
from wagtail.models import Page

register = template.Library()


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, current_title=None):
    """The trail from the site's home page to the current page; nothing on a home page.

    ``current_title`` names a last step that is not a page (the search results).
    """
    page = context.get("page")
    trail = []
    current = current_title
    if isinstance(page, Page):
        # Depth 1 is Wagtail's tree root; every site's home page (in each language) is at depth 2.
        routed = getattr(page, "routed_ancestors", None)  # read by the routing (core/routing.py)
        ancestors = routed if routed and routed[0].depth == 2 else page.get_ancestors()
        trail = [ancestor for ancestor in ancestors if ancestor.depth >= 2]
        current = page.title if trail else None
    return {"request": context.get("request"), "trail": trail, "current": current}
