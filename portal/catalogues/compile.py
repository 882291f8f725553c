"""Compile .po catalogues to the .mo files Django reads, with polib instead of GNU gettext's msgfmt.

The .mo files are build products (git-ignored); ``make run``, ``make test`` and a deploy build
them, on machines where GNU gettext may not be installed.
"""

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polib

from portal.catalogues.checks import catalogue_problems


class CatalogueError(Exception):
    """A catalogue that must not be compiled: a broken placeholder would crash a screen."""


@dataclass
class Compiled:
    po: Path
    mo: Path
    entries: int


def po_files(locale_dirs):
    for locale_dir in locale_dirs:
        yield from sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po"))


def is_stale(po):
    mo = po.with_suffix(".mo")
    return not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime


def compile_catalogue(po):
    """Write ``po``'s translated, non-fuzzy entries to the .mo beside it, atomically."""
    catalogue = polib.pofile(str(po))
    problems = catalogue_problems(catalogue)
    if problems:
        raise CatalogueError(f"{po}:\n  " + "\n  ".join(problems))
    mo = po.with_suffix(".mo")
    # Write then rename, so that a test process never reads half a file.
    handle, temporary = tempfile.mkstemp(dir=po.parent, suffix=".mo.tmp")
    os.close(handle)
    try:
        catalogue.save_as_mofile(temporary)
        os.replace(temporary, mo)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return Compiled(po=po, mo=mo, entries=len(catalogue.translated_entries()))


def compile_catalogues(locale_dirs, only_stale=False):
    """Compile every catalogue under ``locale_dirs``; with ``only_stale``, those older than their .po."""
    return [compile_catalogue(po) for po in po_files(locale_dirs) if not only_stale or is_stale(po)]


def forget_loaded_translations():
    """Make Django read the catalogues again (after compiling them in a running process)."""
    from asgiref.local import Local
    from django.utils.translation import trans_real

    trans_real._translations = {}
    trans_real._default = None
    trans_real._active = Local()
    for cached in (trans_real.check_for_language, trans_real.get_languages):
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()
