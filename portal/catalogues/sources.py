"""Where the message catalogues live: ours (``LOCALE_PATHS``) and those the Wagtail packages ship.

Two kinds of project catalogue sit in ``LOCALE_PATHS``:

- ``locale/`` (the first entry, where ``makemessages`` writes): the strings of our own apps,
  whose source language is Indonesian;
- ``locale/wagtail/``: our Indonesian for the strings of Wagtail and wagtail-localize, built
  from their English catalogues by ``sync_catalogues``. Django gives ``LOCALE_PATHS`` priority
  over every installed app, so these replace the ``id_ID`` catalogues the packages ship.
"""

from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings

DOMAINS = ("django", "djangojs")

# Packages whose strings we translate, by the name their app modules start with, and the label
# the report prints for them.
VENDOR_PACKAGES = {"wagtail": "Wagtail", "wagtail_localize": "wagtail-localize"}


def own_locale_dir():
    """Our apps' catalogues: the first ``LOCALE_PATHS`` entry, as for ``makemessages``."""
    return Path(settings.LOCALE_PATHS[0])


def vendor_locale_dir():
    """Our translations of Wagtail's and wagtail-localize's strings."""
    return Path(settings.BASE_DIR) / "locale" / "wagtail"


def catalogue_path(locale_dir, language, domain="django"):
    return Path(locale_dir) / language_dir(language) / "LC_MESSAGES" / f"{domain}.po"


def language_dir(language):
    """The folder name Django looks for: ``id``, ``en``, ``pt_BR``."""
    from django.utils.translation import to_locale

    return to_locale(language)


def translated_languages():
    """The languages whose admin we translate: every site language but English, the source."""
    return [code for code, _name in settings.LANGUAGES if not code.startswith("en")]


@dataclass(frozen=True)
class VendorCatalogue:
    """One package's catalogue in one domain: its English source and the translation it ships."""

    package: str  # "wagtail" or "wagtail_localize"
    app: str  # "wagtail.admin"
    domain: str
    source: Path  # the English .po: every msgid of this app
    root: Path  # the folder references are relative to (the app's folder)

    @property
    def label(self):
        return VENDOR_PACKAGES[self.package]

    def shipped(self, language):
        """The catalogues the package ships for ``language`` (``id`` finds ``id`` and ``id_ID``)."""
        locale_root = self.root / "locale"
        base = language_dir(language)
        folders = [locale_root / base, *sorted(locale_root.glob(f"{base}_*"))]
        return [path for folder in folders if (path := folder / "LC_MESSAGES" / f"{self.domain}.po").exists()]

    @property
    def reference_prefix(self):
        return self.app.replace(".", "/")


def vendor_catalogues(domain=None):
    """The English catalogues of the installed Wagtail and wagtail-localize apps, in app order."""
    found = []
    for config in apps.get_app_configs():
        package = config.name.split(".")[0]
        if package not in VENDOR_PACKAGES:
            continue
        for each_domain in DOMAINS if domain is None else (domain,):
            source = Path(config.path) / "locale" / "en" / "LC_MESSAGES" / f"{each_domain}.po"
            if source.exists():
                found.append(VendorCatalogue(package, config.name, each_domain, source, Path(config.path)))
    # Core before its contrib apps and wagtail-localize last, whatever INSTALLED_APPS' order.
    order = list(VENDOR_PACKAGES)
    found.sort(key=lambda c: (order.index(c.package), c.app.count("."), c.app))
    return found
