from django import template

from news.models import NewsPage

register = template.Library()


@register.simple_tag
def latest_news(root_page, count=6):
    """The newest live articles under a site's root page, in the root page's language."""
    return list(
        NewsPage.objects.live()
        .public()
        .descendant_of(root_page)
        .select_related("featured_image")
        .order_by("-date", "-pk")[:count]
    )
