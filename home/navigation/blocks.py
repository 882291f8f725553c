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
        # Menus are kept in memory (portal.core.site_settings): remember each language's answer.
        known = self.__dict__.setdefault("_localized", {})
        language = get_language()
        if language not in known:
            known[language] = page.localized
        return known[language]

    def _in_visitor_language(self, name):
        """The field's English twin (``<name>_en``) for an English visitor when it is filled.

        Menus are a site setting, not a translatable page, so a typed text carries its English
        beside it; a page link's title already follows the page's translation.
        """
        if (get_language() or "").startswith("en") and self.get(f"{name}_en"):
            return self.get(f"{name}_en")
        return self.get(name)

    def text(self):
        page = self.linked_page()
        return self._in_visitor_language("label") or (page.title if page else self.get("url"))

    def description_text(self):
        return self._in_visitor_language("description")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an outside address; exactly one of the two."""

    label = blocks.CharBlock(
        label=_("Teks tautan"),
        required=False,
        max_length=80,
        help_text=_("Kosongkan untuk memakai judul halaman yang dipilih."),
    )
    label_en = blocks.CharBlock(
        label=_("Teks tautan (bahasa Inggris)"),
        required=False,
        max_length=80,
        help_text=_("Tampil bagi pengunjung berbahasa Inggris; kosongkan untuk memakai teks di atas."),
    )
    page = blocks.PageChooserBlock(label=_("Halaman"), required=False)
    url = blocks.URLBlock(label=_("Atau alamat luar"), required=False)

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

    children = blocks.ListBlock(LinkBlock(), label=_("Submenu"), required=False, default=[])

    class Meta:
        icon = "list-ul"
        label = _("Menu")
        value_class = LinkValue
        template = "components/streamfield/menu_item_block.html"


class QuickLinkBlock(LinkBlock):
    """A service shortcut on the home page (e.g. SP4N-LAPOR!, PPID, perizinan)."""

    description = blocks.CharBlock(label=_("Keterangan singkat"), required=False, max_length=140)
    description_en = blocks.CharBlock(
        label=_("Keterangan singkat (bahasa Inggris)"), required=False, max_length=140
    )

    class Meta:
        icon = "pick"
        label = _("Tautan cepat")
        value_class = LinkValue
        template = "components/streamfield/quick_link_block.html"
