"""What search engines and social networks read from a page: canonical URL, preview image, JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

register = template.Library()

# Characters that could close the <script> element or open a comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

SHARE_IMAGE_FILTER = "fill-1200x630|format-jpeg"


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's absolute URL on its own site's host, whatever host the request came on."""
    return page.get_full_url(context.get("request"))


@register.simple_tag(takes_context=True)
def share_image(context, page):
    """A 1200×630 rendition of the page's share image (None without one), with its absolute URL."""
    get_image = getattr(page, "get_meta_image", None)
    image = get_image() if get_image else None
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_IMAGE_FILTER)
    request = context.get("request")
    rendition.absolute_url = request.build_absolute_uri(rendition.url) if request else rendition.full_url
    return rendition


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's schema.org description as a JSON-LD <script>, or nothing."""
    get_data = getattr(page, "get_structured_data", None)
    data = get_data(context.get("request")) if get_data else None
    if not data:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 -- escaped above
