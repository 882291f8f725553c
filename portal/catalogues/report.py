"""How much of what the admin and the site show has a translation: the rows of ``catalogue_report``."""

from dataclasses import dataclass

import polib
from django.conf import settings

from portal.catalogues import sources


@dataclass
class Row:
    name: str
    language: str
    total: int
    shipped: int | None  # translated by the package itself (None for our own catalogues)
    translated: int  # translated once our catalogues are counted

    @property
    def share(self):
        return self.translated / self.total if self.total else 1.0

    @property
    def shipped_share(self):
        return None if self.shipped is None else (self.shipped / self.total if self.total else 1.0)


def _translated_keys(paths):
    keys = set()
    for path in paths:
        if path.exists():
            keys.update((e.msgctxt, e.msgid) for e in polib.pofile(str(path)).translated_entries())
    return keys


def own_rows():
    """Our apps' strings, per language: every live entry of ``locale/<lang>/LC_MESSAGES/django.po``."""
    rows = []
    for code, _name in settings.LANGUAGES:
        path = sources.catalogue_path(sources.own_locale_dir(), code)
        if not path.exists():
            continue
        catalogue = polib.pofile(str(path))
        live = [e for e in catalogue if not e.obsolete]
        rows.append(Row("Portal (aplikasi kita)", code, len(live), None, len(catalogue.translated_entries())))
    return rows


def vendor_rows():
    """Wagtail's and wagtail-localize's strings, per package, domain and translated language."""
    rows = []
    for language in sources.translated_languages():
        for domain in sources.DOMAINS:
            catalogues = sources.vendor_catalogues(domain)
            shipped = _translated_keys(p for c in catalogues for p in c.shipped(language))
            ours = _translated_keys([sources.catalogue_path(sources.vendor_locale_dir(), language, domain)])
            for package, label in sources.VENDOR_PACKAGES.items():
                keys = {
                    (e.msgctxt, e.msgid)
                    for c in catalogues
                    if c.package == package
                    for e in polib.pofile(str(c.source))
                    if not e.obsolete
                }
                if keys:
                    rows.append(
                        Row(
                            f"{label} ({domain})",
                            language,
                            len(keys),
                            len(keys & shipped),
                            len(keys & (shipped | ours)),
                        )
                    )
    return rows


def rows():
    return own_rows() + vendor_rows()


def format_table(report_rows):
    header = ("katalog", "bahasa", "string", "bawaan paket", "dengan katalog kita")
    lines = [header]
    for row in report_rows:
        shipped = "—" if row.shipped is None else f"{row.shipped} ({row.shipped_share:.0%})"
        lines.append((row.name, row.language, str(row.total), shipped, f"{row.translated} ({row.share:.1%})"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for index, line in enumerate(lines):
        out.append(
            "  ".join(
                cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i]) for i, cell in enumerate(line)
            )
        )
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)
