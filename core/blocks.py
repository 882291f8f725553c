"""StreamField blocks shared by every page type; each renders with its own template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("judul"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("tingkat"), choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Judul bagian")
        template = "components/streamfield/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """A photo with the caption and credit a news photo must show."""

    image = ImageChooserBlock(label=_("gambar"))
    caption = blocks.CharBlock(label=_("keterangan"), required=False, max_length=255)
    credit = blocks.CharBlock(label=_("fotografer / sumber"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "components/streamfield/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("kutipan"))
    attribution = blocks.CharBlock(label=_("sumber kutipan"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Kutipan")
        template = "components/streamfield/quote_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("paragraf"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="components/streamfield/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
