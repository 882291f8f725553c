"""Every OPD's site gets its PPID: the PPID page in Indonesian and English, published, and an
entry in the site's main menu (whose submenu lists the PPID's services, ``PPIDPage.menu_links``).

Run by ``opd.provisioning.provision_opd`` through the ``opd_provisioned`` signal: for a new OPD,
and for an existing one whenever ``create_opd_site``, ``ensure_opd_roles`` or ``seed_demo`` is
run again. It completes what is missing and leaves what exists as the OPD left it.
"""

from wagtail.models import Locale

from home.navigation.models import SiteNavigation

from .models import PPIDPage

SLUG = "ppid"
TITLE = "PPID"


def indonesian_intro(opd):
    return (
        f"Pejabat Pengelola Informasi dan Dokumentasi {opd.name}: Daftar Informasi Publik, "
        "permohonan informasi dan keberatan."
    )


def english_intro(english_home):
    return (
        f"The information and documentation officer (PPID) of {english_home.title}: the list of "
        "public information, information requests and objections."
    )


def ensure_ppid_page(opd, home):
    """The site's Indonesian PPID page, created and published if the site has none."""
    page = PPIDPage.objects.child_of(home).first()
    if page is None:
        page = PPIDPage(title=TITLE, slug=SLUG, intro=indonesian_intro(opd))
        home.add_child(instance=page)
        page.save_revision().publish(skip_permission_checks=True)
    return page


def ensure_english_ppid_page(page, english_home):
    """The PPID page's English translation (so that /en/ppid/ answers), published if new."""
    english = Locale.objects.get(language_code="en")
    translation = page.get_translation_or_none(english)
    if translation is None:
        translation = page.copy_for_translation(english)
        translation.intro = english_intro(english_home)
        translation.save_revision().publish(skip_permission_checks=True)
    return translation


def ensure_menu_entry(site, page):
    """A main-menu entry for the PPID page unless the menu already links to it."""
    navigation = SiteNavigation.for_site(site)
    for item in navigation.main_menu:
        if item.value.get("page") is not None and item.value["page"].pk == page.pk:
            return False
    navigation.main_menu.append(("item", {"label": "", "page": page, "url": "", "children": []}))
    navigation.save()
    return True


def provide_ppid(sender, opd, home, english_home, **kwargs):
    """Receiver of ``opd.signals.opd_provisioned``."""
    page = ensure_ppid_page(opd, home)
    ensure_english_ppid_page(page, english_home)
    ensure_menu_entry(opd.site, page)
