"""Links for a site's menus: to one of the site's pages (its title follows the page) or to a URL."""

from django.forms.utils import ErrorList
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class LinkValue(blocks.StructValue):
    def linked_page(self):
        """The chosen page in the visitor's language when it has been translated."""
        page = self.get("page")
        if page is None:
            return None
        # Menus are kept in memory (core.site_settings): remember each language's answer.
        known = self.__dict__.setdefault("_localized", {})
        language = get_language()
        if language not in known:
            known[language] = page.localized
        return known[language]

    def text(self):
        page = self.linked_page()
        return self.get("label") or (page.title if page else self.get("url"))


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an outside address; exactly one of the two."""

    label = blocks.CharBlock(
        label=_("teks tautan"),
        required=False,
        max_length=80,
        help_text=_("Kosongkan untuk memakai judul halaman yang dipilih."),
    )
    page = blocks.PageChooserBlock(label=_("halaman"), required=False)
    url = blocks.URLBlock(label=_("atau alamat luar"), required=False)

    class Meta:
        icon = "link"
        label = _("Tautan")
        value_class = LinkValue
        template = "components/streamfield/link_block.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Pilih satu halaman atau isi satu alamat luar, tidak keduanya.")
            errors["page"] = ErrorList([message])
        elif value.get("url") and not value.get("label"):
            errors["label"] = ErrorList([_("Tautan ke alamat luar perlu teks tautan.")])
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class MenuItemBlock(LinkBlock):
    """An entry of the main menu, optionally with a submenu."""

    children = blocks.ListBlock(LinkBlock(), label=_("submenu"), required=False, default=[])

    class Meta:
        icon = "list-ul"
        label = _("Menu")
        value_class = LinkValue
        template = "components/streamfield/menu_item_block.html"


class QuickLinkBlock(LinkBlock):
    """A service shortcut on the home page (e.g. SP4N-LAPOR!, PPID, perizinan)."""

    description = blocks.CharBlock(label=_("keterangan singkat"), required=False, max_length=140)

    class Meta:
        icon = "pick"
        label = _("Tautan cepat")
        value_class = LinkValue
        template = "components/streamfield/quick_link_block.html"
