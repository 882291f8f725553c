"""Demo open data: a "Data" catalogue on every site (the portal's gathers every OPD's), a few
datasets per OPD published through the SOP with CSV, XLSX and JSON files made in code, and the
catalogue in each site's main menu and in the portal's footer. Idempotent."""

import io
import json
from datetime import date

from django.core.files.base import ContentFile
from openpyxl import Workbook
from wagtail.documents import get_document_model

from home.navigation.models import SiteNavigation
from news.opendata.models import DatasetIndexPage, DatasetPage, DatasetResource

from .builders import add_through_sop, ensure_child

KECAMATAN = ["Delta Pawan", "Benua Kayong", "Muara Pawan", "Matan Hilir Selatan", "Kendawangan", "Sandai"]


def csv_bytes(rows):
    return "\n".join(",".join(str(cell) for cell in row) for row in rows).encode() + b"\n"


def xlsx_bytes(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Per OPD slug: (title, slug, topic, unit, description, tags, (format, file name, bytes)).
DATASETS = {
    "diskominfo": [
        (
            "Indeks SPBE Kabupaten Ketapang",
            "indeks-spbe",
            "komunikasi-informatika",
            "indeks",
            "Nilai indeks Sistem Pemerintahan Berbasis Elektronik hasil evaluasi nasional per tahun "
            "(data contoh).",
            ["spbe", "e-government"],
            ("CSV", "indeks-spbe.csv", csv_bytes([["tahun", "indeks_spbe"], [2020, 2.1], [2021, 2.45],
                                                  [2022, 2.78], [2023, 3.02], [2024, 3.21]])),
        ),
        (
            "Menara Telekomunikasi per Kecamatan",
            "menara-telekomunikasi",
            "komunikasi-informatika",
            "unit",
            "Jumlah menara telekomunikasi berizin di setiap kecamatan (data contoh).",
            ["infrastruktur", "telekomunikasi"],
            ("CSV", "menara.csv", csv_bytes([["kecamatan", "jumlah_menara"],
                                             *([name, 4 + i * 3] for i, name in enumerate(KECAMATAN))])),
        ),
        (
            "Titik Wi-Fi Publik",
            "wifi-publik",
            "komunikasi-informatika",
            "titik",
            "Lokasi titik akses internet gratis yang dikelola Diskominfo (data contoh).",
            ["internet", "layanan publik"],
            ("JSON", "wifi-publik.json", json.dumps(
                [{"lokasi": f"Kantor Camat {name}", "kecamatan": name} for name in KECAMATAN[:4]],
                ensure_ascii=False,
            ).encode()),
        ),
    ],
    "dinkes": [
        (
            "Jumlah Tenaga Kesehatan per Tahun",
            "tenaga-kesehatan",
            "kesehatan",
            "orang",
            "Jumlah dokter, perawat dan bidan yang bertugas di fasilitas kesehatan pemerintah (data contoh).",
            ["tenaga kesehatan", "statistik dasar"],
            ("CSV", "tenaga-kesehatan.csv", csv_bytes([["tahun", "tenaga_kesehatan"], [2020, 1410],
                                                       [2021, 1488],
                                                       [2022, 1532], [2023, 1610], [2024, 1675]])),
        ),
        (
            "Cakupan Imunisasi Dasar Lengkap per Kecamatan",
            "imunisasi-dasar-lengkap",
            "kesehatan",
            "persen",
            "Persentase bayi yang menerima imunisasi dasar lengkap, per kecamatan (data contoh).",
            ["imunisasi", "anak"],
            ("XLSX", "imunisasi.xlsx", xlsx_bytes([["kecamatan", "cakupan_persen"],
                                                   *([name, 82 + i] for i, name in enumerate(KECAMATAN))])),
        ),
    ],
    "disdikbud": [
        (
            "Jumlah Sekolah per Jenjang",
            "sekolah-per-jenjang",
            "pendidikan",
            "unit",
            "Jumlah satuan pendidikan negeri dan swasta per jenjang (data contoh).",
            ["sekolah", "statistik dasar"],
            ("CSV", "sekolah.csv", csv_bytes([["jenjang", "negeri", "swasta"], ["PAUD", 41, 187],
                                              ["SD", 398, 22], ["SMP", 121, 35]])),
        ),
        (
            "Angka Partisipasi Murni SD",
            "apm-sd",
            "pendidikan",
            "persen",
            "Angka partisipasi murni jenjang SD per tahun (data contoh).",
            ["partisipasi sekolah"],
            ("CSV", "apm-sd.csv", csv_bytes([["tahun", "apm_sd"], [2021, 96.1], [2022, 96.8], [2023, 97.2],
                                             [2024, 97.5]])),
        ),
    ],
}  # fmt: skip


def data_file(opd, title, name, content):
    Document = get_document_model()
    existing = Document.objects.filter(title=title, collection=opd.collection).first()
    if existing:
        return existing
    return Document.objects.create(
        title=title, file=ContentFile(content, name=f"demo-{opd.slug}-{name}"), collection=opd.collection
    )


def ensure_menu_entry(navigation, page):
    for item in navigation.main_menu:
        if item.value.get("page") is not None and item.value["page"].pk == page.pk:
            return False
    navigation.main_menu.append(("item", {"label": "", "page": page, "url": "", "children": []}))
    return True


def ensure_footer_link(navigation, page):
    for link in navigation.footer_links:
        if link.value.get("page") is not None and link.value["page"].pk == page.pk:
            return False
    navigation.footer_links.append(
        ("link", {"label": "Katalog Data", "label_en": "Data catalogue", "page": page, "url": ""})
    )
    return True


def seed_opendata(opd, home, people, developer, is_portal):
    """The site's data catalogue, its datasets and menu links; False when all is there."""
    intro = (
        "Data terbuka seluruh perangkat daerah Kabupaten Ketapang (Satu Data Indonesia)."
        if is_portal
        else f"Data statistik sektoral yang dihasilkan {opd.name}."
    )
    index, made = ensure_child(home, DatasetIndexPage, developer, title="Data", slug="data", intro=intro)
    for title, slug, topic, unit, description, tags, (fmt, name, content) in DATASETS.get(opd.slug, []):
        if DatasetPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        page = DatasetPage(
            title=title,
            slug=slug,
            description=description,
            producer_unit="Bidang Statistik dan Persandian" if opd.slug == "diskominfo" else "Sekretariat",
            topic=topic,
            unit=unit,
            frequency="tahunan",
            period="2020-2024",
            year=2024,
            last_updated=date(2025, 1, 31),
            maintainer=f"Admin data {opd.name}",
            maintainer_email=f"data@{opd.slug}.ketapangkab.go.id",
            resources=[
                DatasetResource(
                    name=f"{title} ({fmt})", format=fmt, document=data_file(opd, title, name, content)
                )
            ],
        )
        page.tags.add(*tags)
        add_through_sop(index, page, people)
        made = True
    navigation = SiteNavigation.for_site(opd.site)
    changed = ensure_menu_entry(navigation, index)
    if is_portal:
        changed |= ensure_footer_link(navigation, index)
    if changed:
        navigation.save()
    return made or changed
