"""The import's report: counts per kind, every skipped item with its reason, what needs a look."""

from collections import Counter
from dataclasses import dataclass, field

KIND_LABELS = {"post": "Berita", "page": "Halaman", "attachment": "Lampiran (gambar/dokumen)"}
OUTCOME_LABELS = {
    "created": "diimpor",
    "updated": "diperbarui",
    "unchanged": "tidak berubah",
    "skipped": "dilewati",
}


@dataclass
class Report:
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)  # (kind, outcome) → n
    skipped: list = field(default_factory=list)  # (kind, wp_id, title, reason)
    unknown_shortcodes: Counter = field(default_factory=Counter)
    unknown_blocks: Counter = field(default_factory=Counter)
    missing_media: list = field(default_factory=list)  # (where, url, reason)
    needs_alt_text: list = field(default_factory=list)  # image titles
    flagged: list = field(default_factory=list)  # (kind, wp_id, title, problems)
    edited: list = field(default_factory=list)  # (kind, wp_id, title)
    redirects: int = 0
    other: Counter = field(default_factory=Counter)  # post types not imported

    def count(self, kind, outcome):
        self.counts[(kind, outcome)] += 1

    def skip(self, kind, wp_id, title, reason):
        self.count(kind, "skipped")
        self.skipped.append((kind, wp_id, title, reason))

    @property
    def changed_anything(self):
        return any(self.counts[(kind, outcome)] for kind in KIND_LABELS for outcome in ("created", "updated"))

    def summary_lines(self):
        lines = []
        for kind, label in KIND_LABELS.items():
            parts = ", ".join(
                f"{self.counts[(kind, outcome)]} {text}" for outcome, text in OUTCOME_LABELS.items()
            )
            lines.append(f"{label}: {parts}")
        lines.append(f"Pengalihan alamat lama: {self.redirects}")
        if not self.changed_anything:
            lines.append("Tidak ada yang berubah: semua butir ekspor ini sudah diimpor.")
        return lines

    def markdown(self, title):
        out = [f"# {title}", ""]
        if self.dry_run:
            out += ["**Uji coba (--dry-run): tidak ada yang disimpan.**", ""]
        out += ["## Jumlah", "", "| jenis | " + " | ".join(OUTCOME_LABELS.values()) + " |"]
        out.append("| --- |" + " --- |" * len(OUTCOME_LABELS))
        for kind, label in KIND_LABELS.items():
            out.append(
                f"| {label} | " + " | ".join(str(self.counts[(kind, o)]) for o in OUTCOME_LABELS) + " |"
            )
        out += ["", f"Pengalihan alamat lama (301): {self.redirects}", ""]
        sections = [
            ("Dilewati", [f"{KIND_LABELS.get(k, k)} #{i} «{t}»: {r}" for k, i, t, r in self.skipped]),
            (
                "Ditandai pemeriksa integritas (diimpor sebagai draf)",
                [f"{KIND_LABELS.get(k, k)} #{i} «{t}»: {', '.join(p)}" for k, i, t, p in self.flagged],
            ),
            (
                "Diubah di portal sejak diimpor (tidak ditimpa)",
                [f"{KIND_LABELS.get(k, k)} #{i} «{t}»" for k, i, t in self.edited],
            ),
            ("Gambar tanpa teks alternatif (perlu dilengkapi)", self.needs_alt_text),
            (
                "Media yang hilang",
                [f"{where}: {url} ({reason})" for where, url, reason in self.missing_media],
            ),
            (
                "Shortcode tak dikenal (dibiarkan sebagai teks)",
                [f"[{n}] × {c}" for n, c in self.unknown_shortcodes.most_common()],
            ),
            ("Blok Gutenberg tak dikenal", [f"{n} × {c}" for n, c in self.unknown_blocks.most_common()]),
            ("Jenis butir lain yang tidak diimpor", [f"{n} × {c}" for n, c in self.other.most_common()]),
        ]
        for heading, rows in sections:
            if rows:
                out += [f"## {heading}", "", *[f"- {row}" for row in rows], ""]
        return "\n".join(out).rstrip() + "\n"
