"""A JDIH site (``create_opd_site jdih --kind jdih``): the legal-products library in Indonesian
and English, published, with its main-menu entry.

Answers ``opd.signals.opd_provisioned``; only for the ``jdih`` kind. Idempotent: it completes
what is missing and leaves what exists as the site's people left it.
"""

from wagtail.models import Locale

from home.navigation.models import SiteNavigation

from .models import LegalProductIndexPage

KIND = "jdih"
SLUG = "produk-hukum"
TITLE = "Produk Hukum"
INTRO = (
    "Peraturan daerah, peraturan bupati, keputusan bupati dan dokumen hukum lain Kabupaten Ketapang, "
    "anggota Jaringan Dokumentasi dan Informasi Hukum Nasional (JDIHN)."
)
ENGLISH_TITLE = "Legal products"
ENGLISH_INTRO = (
    "Regional regulations, regent regulations and decrees and other legal documents of Ketapang "
    "Regency, a member of the national legal documentation network (JDIHN)."
)


def ensure_index(home):
    """The site's legal-products library, created and published if it has none."""
    page = LegalProductIndexPage.objects.child_of(home).first()
    if page is None:
        page = LegalProductIndexPage(title=TITLE, slug=SLUG, intro=INTRO)
        home.add_child(instance=page)
        page.save_revision().publish(skip_permission_checks=True)
    return page


def ensure_english_index(page):
    english = Locale.objects.get(language_code="en")
    translation = page.get_translation_or_none(english)
    if translation is None:
        translation = page.copy_for_translation(english)
        translation.title = ENGLISH_TITLE
        translation.intro = ENGLISH_INTRO
        translation.save_revision().publish(skip_permission_checks=True)
    return translation


def ensure_menu_entry(site, page):
    """A main-menu entry for the library, first in the menu, unless the menu links to it."""
    navigation = SiteNavigation.for_site(site)
    for item in navigation.main_menu:
        if item.value.get("page") is not None and item.value["page"].pk == page.pk:
            return False
    navigation.main_menu.insert(0, ("item", {"label": "", "page": page, "url": "", "children": []}))
    navigation.save()
    return True


def provide_jdih(sender, opd, home, english_home, kind=None, **kwargs):
    """Receiver of ``opd.signals.opd_provisioned``."""
    if kind != KIND:
        return
    page = ensure_index(home)
    ensure_english_index(page)
    ensure_menu_entry(opd.site, page)
