"""Keep the project catalogues in step with the code they translate.

``sync_vendor_catalogue`` rebuilds ``locale/wagtail/<lang>/LC_MESSAGES/<domain>.po`` from the English
catalogues of the installed Wagtail and wagtail-localize apps: it keeps every translation we
wrote, adds the strings a new release brings (pre-filled from the package's own translation
and marked fuzzy, so that someone reviews them against the GLOSARIUM), and marks the strings
a release dropped obsolete. ``fill_source_language`` completes our own Indonesian catalogue,
whose source strings are already Indonesian.
"""

from dataclasses import dataclass, field
from pathlib import Path

import django
import polib

from portal.catalogues import sources

HEADER_COMMENT = (
    "Indonesian for the Wagtail and wagtail-localize admin, in the portal's vocabulary\n"
    "(GLOSARIUM.md). Maintained by `manage.py sync_catalogues`; edit the msgstr lines only.\n"
    "Entries marked fuzzy are not used until someone reviews them and removes the flag."
)
# Django's own catalogue for a language carries the plural rule every catalogue must share.
DJANGO_LOCALE = Path(django.__file__).parent / "conf" / "locale"
FORMAT_FLAGS = ("python-format", "python-brace-format", "javascript-format", "c-format", "no-python-format")


def plural_forms(language):
    catalogue = polib.pofile(
        str(DJANGO_LOCALE / sources.language_dir(language) / "LC_MESSAGES" / "django.po")
    )
    return catalogue.metadata["Plural-Forms"]


def nplurals(language):
    rule = plural_forms(language)
    return int(rule.split("nplurals=")[1].split(";")[0])


@dataclass
class SyncResult:
    path: Path
    added: list = field(default_factory=list)
    prefilled: list = field(default_factory=list)
    obsoleted: list = field(default_factory=list)
    total: int = 0
    untranslated: int = 0
    fuzzy: int = 0


def _key(entry):
    return (entry.msgctxt, entry.msgid)


def _shipped_translations(catalogues, language):
    """The translations the packages ship, merged as Django merges them (later apps lose)."""
    shipped = {}
    for catalogue in catalogues:
        for path in catalogue.shipped(language):
            for entry in polib.pofile(str(path)):
                if entry.translated() and not entry.obsolete:
                    shipped.setdefault(_key(entry), entry)
    return shipped


def _new_catalogue(language, domain):
    catalogue = polib.POFile(wrapwidth=100)
    catalogue.header = HEADER_COMMENT
    catalogue.metadata = {
        "Project-Id-Version": f"Portal — Wagtail admin ({domain})",
        "Report-Msgid-Bugs-To": "",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(language),
    }
    return catalogue


def _copy_translation(target, source, forms):
    if target.msgid_plural:
        if source.msgid_plural:
            last = source.msgstr_plural[max(source.msgstr_plural)]
            target.msgstr_plural = {i: source.msgstr_plural.get(i, last) for i in range(forms)}
        else:
            target.msgstr_plural = dict.fromkeys(range(forms), source.msgstr)
    else:
        target.msgstr = source.msgstr_plural[0] if source.msgid_plural else source.msgstr


def sync_vendor_catalogue(language, domain, path=None):
    """Bring one vendor override catalogue up to date with the installed packages. Returns a summary."""
    catalogues = sources.vendor_catalogues(domain)
    path = Path(path or sources.catalogue_path(sources.vendor_locale_dir(), language, domain))
    result = SyncResult(path=path)
    forms = nplurals(language)
    existing = polib.pofile(str(path), wrapwidth=100) if path.exists() else None
    known = {_key(entry): entry for entry in existing or []}
    shipped = _shipped_translations(catalogues, language)

    catalogue = _new_catalogue(language, domain)
    if existing is not None:
        catalogue.header, catalogue.metadata = existing.header, existing.metadata
        catalogue.metadata["Plural-Forms"] = plural_forms(language)

    entries = {}
    for source in catalogues:
        for original in polib.pofile(str(source.source)):
            if original.obsolete:
                continue
            key = _key(original)
            references = [(f"{source.reference_prefix}/{file}", "") for file, _line in original.occurrences]
            if key in entries:
                entries[key].occurrences.extend(r for r in references if r not in entries[key].occurrences)
                continue
            entry = known.get(key)
            if entry is None:
                entry = polib.POEntry(msgid=original.msgid, msgctxt=original.msgctxt)
                if original.msgid_plural:
                    entry.msgid_plural = original.msgid_plural
                    entry.msgstr_plural = dict.fromkeys(range(forms), "")
                if key in shipped:
                    _copy_translation(entry, shipped[key], forms)
                    entry.flags.append("fuzzy")
                    result.prefilled.append(key)
                result.added.append(key)
            elif bool(entry.msgid_plural) != bool(original.msgid_plural):
                # The string became, or stopped being, a plural: keep our words for review.
                previous = polib.POEntry(
                    msgid=entry.msgid,
                    msgid_plural=entry.msgid_plural,
                    msgstr=entry.msgstr,
                    msgstr_plural=entry.msgstr_plural,
                )
                entry.msgid_plural = original.msgid_plural
                entry.msgstr, entry.msgstr_plural = "", {}
                _copy_translation(entry, previous, forms)
                entry.flags.append("fuzzy")
            entry.obsolete = False
            entry.msgid_plural = original.msgid_plural
            entry.flags = ["fuzzy"] * ("fuzzy" in entry.flags) + [
                f for f in original.flags if f in FORMAT_FLAGS
            ]
            entry.occurrences = list(dict.fromkeys(references))
            entries[key] = entry

    for entry in entries.values():
        catalogue.append(entry)
    for key, entry in known.items():
        if key not in entries and (entry.msgstr or any((entry.msgstr_plural or {}).values())):
            # Kept for a later release that brings the string back; Django never reads it.
            if not entry.obsolete:
                result.obsoleted.append(key)
            entry.obsolete = True
            entry.occurrences = []
            catalogue.append(entry)

    result.total = len(entries)
    result.fuzzy = sum(1 for e in entries.values() if "fuzzy" in e.flags)
    result.untranslated = sum(1 for e in entries.values() if not e.translated())
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    return result


def fill_source_language(path):
    """In a catalogue of the source language, let every string translate to itself.

    Our apps are written in Indonesian, so the ``id`` catalogue needs no translator; filling it
    keeps it free of empty entries, so a check for untranslated strings stays meaningful.
    Returns the number of entries filled.
    """
    catalogue = polib.pofile(str(path), wrapwidth=100)
    filled = 0
    for entry in catalogue:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            forms = len(entry.msgstr_plural) or 1
            # With one form (Indonesian) it must read well for any number: the plural text.
            wanted = {i: entry.msgid_plural if i or forms == 1 else entry.msgid for i in range(forms)}
            changed = entry.msgstr_plural != wanted
            entry.msgstr_plural = wanted
        else:
            changed = entry.msgstr != entry.msgid
            entry.msgstr = entry.msgid
        if changed or "fuzzy" in entry.flags:
            filled += 1
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    catalogue.save(str(path))
    return filled


def tidy_header(path, language):
    """Replace ``makemessages``' template header by a real one (a fuzzy header is not compiled)."""
    catalogue = polib.pofile(str(path), wrapwidth=100)
    catalogue.metadata_is_fuzzy = False
    catalogue.header = "Portal Pemerintah Kabupaten Ketapang: the strings of our own apps."
    catalogue.metadata.update(
        {
            "Project-Id-Version": "Portal",
            "Language": language,
            "Last-Translator": "Diskominfo Kabupaten Ketapang",
            "Language-Team": "Diskominfo Kabupaten Ketapang",
        }
    )
    catalogue.metadata.pop("PO-Revision-Date", None)
    catalogue.save(str(path))
