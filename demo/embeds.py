"""Videos for the demo and the tests without asking YouTube: store the embed Wagtail would fetch.

Wagtail keeps every oEmbed answer in its ``Embed`` table and reads it from there before
asking the provider, so a stored answer is a small fake of the outside service.
"""

from urllib.parse import parse_qs, urlparse

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed


def store_video_embed(url, title):
    """Record the embed of a YouTube URL as if YouTube had answered; returns the ``Embed``."""
    video_id = parse_qs(urlparse(url).query).get("v", ["dQw4w9WgXcQ"])[0]
    html = (
        f'<iframe title="{title}" width="560" height="315" loading="lazy" '
        f'src="https://www.youtube-nocookie.com/embed/{video_id}" allowfullscreen></iframe>'
    )
    embed, _created = Embed.objects.update_or_create(
        hash=get_embed_hash(url),
        defaults={
            "url": url,
            "type": "video",
            "html": html,
            "title": title,
            "provider_name": "YouTube",
            "width": 560,
            "height": 315,
            "thumbnail_url": "",
        },
    )
    return embed
