"""The blocks a home page is built from: a slider of featured news, latest news, announcements,
agenda and quick links, next to the ordinary body blocks.

These blocks hold only settings (how many, from which sites); their templates fetch the
content through each feature app's template tags, so home/ imports no feature app.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.core.blocks import BodyBlock

SCOPE_CHOICES = [
    ("site", _("situs ini")),
    ("all", _("semua OPD (untuk portal kabupaten)")),
]


class _ListingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Judul bagian"), max_length=80)
    count = blocks.IntegerBlock(label=_("Jumlah"), default=4, min_value=1, max_value=12)
    scope = blocks.ChoiceBlock(label=_("Sumber"), choices=SCOPE_CHOICES, default="site")


class FeaturedNewsBlock(blocks.StructBlock):
    """The hero slider: articles marked "berita utama"."""

    count = blocks.IntegerBlock(label=_("Jumlah berita"), default=3, min_value=1, max_value=6)
    scope = blocks.ChoiceBlock(label=_("Sumber"), choices=SCOPE_CHOICES, default="site")

    class Meta:
        icon = "image"
        label = _("Slider berita utama")
        template = "components/streamfield/featured_news_block.html"


class LatestNewsBlock(_ListingBlock):
    class Meta:
        icon = "doc-full"
        label = _("Berita terbaru")
        template = "components/streamfield/latest_news_block.html"


class AnnouncementsBlock(_ListingBlock):
    class Meta:
        icon = "warning"
        label = _("Pengumuman")
        template = "components/streamfield/announcements_block.html"


class AgendaBlock(_ListingBlock):
    class Meta:
        icon = "date"
        label = _("Agenda")
        template = "components/streamfield/agenda_block.html"


class QuickLinksBlock(blocks.StructBlock):
    """The site's quick links to services, as its Web Administrator set them in *Navigasi situs*."""

    heading = blocks.CharBlock(label=_("Judul bagian"), max_length=80, default=_("Layanan"))

    class Meta:
        icon = "pick"
        label = _("Tautan cepat layanan")
        template = "components/streamfield/quick_links_block.html"


class HomeBodyBlock(BodyBlock):
    featured_news = FeaturedNewsBlock()
    latest_news = LatestNewsBlock()
    announcements = AnnouncementsBlock()
    agenda = AgendaBlock()
    quick_links = QuickLinksBlock()
