# ruff: noqa: E501 (generated WordPress markup and report lines)
"""The WordPress import benchmark (issue 22): a generated export imported into one OPD.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
    DJANGO_SETTINGS_MODULE=portal.settings.dev .venv/bin/python demo/bench/wordpress_import.py \\
        --posts 10000 --attachments 10000

Writes an export of N posts (classic and Gutenberg, each with a category, tags and a featured
photo) and M image attachments, with a local uploads folder of small JPEGs, into a temporary
folder (item by item: the generator itself stays flat), provisions the OPD ``--opd`` (``wpbench``) if
missing, runs the import exactly as ``import_wordpress --uploads`` does and prints the wall
time, the items per second and the process's peak memory (ru_maxrss). The target: 10,000 +
10,000 in under 10 minutes on 2 cores, under 500 MB. Not part of ``make test``.
"""

import argparse
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def jpeg(n):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (160, 90), ((n * 37) % 256, (n * 91) % 256, (n * 53) % 256)).save(buffer, format="JPEG")
    return buffer.getvalue()


def write_export(folder, posts, attachments):
    from news.wordpress.tests.wxr import OLD, UP, attachment, export_xml, post

    uploads = folder / "uploads"
    head, tail = export_xml(posts="").split("</channel>")
    path = folder / "bench.xml"
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        for n in range(1, attachments + 1):
            relative = f"{2015 + n % 10}/{n % 12 + 1:02d}/foto-{n}.jpg"
            target = uploads / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(jpeg(n))
            out.write(
                attachment(n, f"Foto {n}", f"{UP}/{relative}", alt=f"Foto kegiatan {n}" if n % 3 else "")
            )
        for n in range(1, posts + 1):
            photo = attachments and (n % attachments) + 1
            year = 2015 + photo % 10
            body = (
                f"Kegiatan ke-{n} Dinas Kesehatan.\n\n"
                f'<img class="wp-image-{photo}" src="{UP}/{year}/{photo % 12 + 1:02d}/foto-{photo}-300x200.jpg" />\n\n'
                f'Lihat juga <a href="{OLD}/?p={max(n - 1, 1) + 100000}">berita sebelumnya</a>. [gallery ids="{photo}"]'
                if n % 2
                else f"<!-- wp:heading --><h2>Kegiatan {n}</h2><!-- /wp:heading -->"
                f"<!-- wp:paragraph --><p>Isi berita ke-{n}.</p><!-- /wp:paragraph -->"
            )
            out.write(
                post(
                    n + 100000, f"Berita ke-{n}", f"berita-ke-{n}", body,
                    date=f"{2015 + n % 10}-{n % 12 + 1:02d}-{n % 28 + 1:02d} 02:00:00",
                    categories=[(f"kategori-{n % 8}", f"Kategori {n % 8}")], tags=[("kesehatan", "kesehatan")],
                    thumbnail=photo or None,
                )
            )  # fmt: skip
        out.write("</channel>" + tail)
    return path, uploads


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--attachments", type=int, default=10000)
    parser.add_argument("--opd", default="wpbench", help="the OPD imported into (provisioned if missing)")
    parser.add_argument(
        "--again", action="store_true", help="import the same export a second time (nothing changes)"
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()
    from news.wordpress.importer import Importer
    from news.wordpress.media import UploadsFolder
    from opd.models import OPD
    from opd.provisioning import provision_opd

    opd = (
        OPD.objects.filter(slug=args.opd).first()
        or provision_opd(
            slug=args.opd, name=f"Dinas Bench {args.opd}", hostname=f"{args.opd}.ketapangkab.localhost"
        ).opd
    )
    with tempfile.TemporaryDirectory(prefix="wxr-bench-") as folder:
        started = time.monotonic()
        export, uploads = write_export(Path(folder), args.posts, args.attachments)
        generated = time.monotonic()
        size = export.stat().st_size
        report = Importer(opd, export, media=UploadsFolder(uploads)).run()
        finished = time.monotonic()
        again = Importer(opd, export, media=UploadsFolder(uploads)).run() if args.again else None
        second = time.monotonic()
    items = args.posts + args.attachments
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"export: {args.posts} posts + {args.attachments} attachments, {size / 1e6:.1f} MB, made in {generated - started:.0f} s"
    )
    print(
        f"import: {finished - generated:.0f} s, {items / (finished - generated):.1f} items/s, peak memory {peak:.0f} MB"
    )
    for line in report.summary_lines():
        print(line)
    if again is not None:
        print(f"second run of the same export: {second - finished:.0f} s")
        for line in again.summary_lines():
            print(line)


if __name__ == "__main__":
    main()
