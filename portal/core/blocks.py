"""StreamField blocks shared by every page type; each renders with its own template."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

NO_ALT_TEXT = _(
    "Foto ini belum punya teks alternatif. Isi teks alternatifnya di menu Gambar, lalu pilih lagi."
)


def lacks_alt_text(image):
    """True for an image without alt text (uploaded before alt text was required)."""
    return image is not None and not (image.description or "").strip()


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Judul"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Tingkat"), choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Judul bagian")
        template = "components/streamfield/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """A photo with the caption and credit a news photo must show."""

    image = ImageChooserBlock(label=_("Gambar"))
    caption = blocks.CharBlock(label=_("Keterangan"), required=False, max_length=255)
    credit = blocks.CharBlock(label=_("Fotografer / sumber"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "components/streamfield/image_block.html"

    def clean(self, value):
        """Refuse a photo without alt text where it is placed (WCAG 2.1, 1.1.1)."""
        value = super().clean(value)
        if lacks_alt_text(value.get("image")):
            raise StructBlockValidationError(block_errors={"image": ValidationError(NO_ALT_TEXT)})
        return value


class GalleryBlock(blocks.StructBlock):
    """A few photos shown together; each keeps the caption and credit of its image."""

    title = blocks.CharBlock(label=_("Judul galeri"), required=False, max_length=200)
    images = blocks.ListBlock(ImageChooserBlock(label=_("Gambar")), label=_("Gambar"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Galeri foto")
        template = "components/streamfield/gallery_block.html"

    def clean(self, value):
        """Refuse a gallery with a photo that has no alt text, naming the photo."""
        value = super().clean(value)
        missing = [image.title for image in value.get("images") or [] if lacks_alt_text(image)]
        if missing:
            raise StructBlockValidationError(
                non_block_errors=[ValidationError(f"{NO_ALT_TEXT} ({', '.join(missing)})")]
            )
        return value


class VideoBlock(blocks.StructBlock):
    """A video embedded from YouTube or another oEmbed provider."""

    video = EmbedBlock(
        label=_("Alamat video"),
        help_text=_("Alamat video YouTube atau layanan lain, misalnya https://www.youtube.com/watch?v=..."),
    )
    caption = blocks.CharBlock(label=_("Keterangan"), required=False, max_length=255)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/streamfield/video_block.html"


class DocumentDownloadBlock(blocks.StructBlock):
    """A link to download a document from the OPD's collection."""

    document = DocumentChooserBlock(label=_("Dokumen"))
    title = blocks.CharBlock(
        label=_("Judul tautan"),
        required=False,
        max_length=255,
        help_text=_("Kosongkan untuk memakai judul dokumen."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Unduh dokumen")
        template = "components/streamfield/document_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Kutipan"))
    attribution = blocks.CharBlock(label=_("Sumber kutipan"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Kutipan")
        template = "components/streamfield/quote_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of every content page: text, photos, video, downloads, quotes and tables."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraf"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="components/streamfield/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    document = DocumentDownloadBlock()
    quote = QuoteBlock()
    table = TableBlock(
        label=_("Tabel"),
        template="components/streamfield/table_block.html",
        table_options={"renderer": "text", "autoColumnSize": False},
    )
