"""Demo JDIH site: jdih.ketapangkab.localhost (``--kind jdih``) with a dozen legal products, each
published through the Bagian Hukum's SOP, related to one another (two Perda revoked by the 2024
Perda on regional taxes, one amended, Perbup implementing Perda). Fictional numbers and texts."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from news.jdih.models import LegalProductIndexPage, LegalProductPage, LegalProductRelation
from opd.provisioning import provision_opd

from .builders import add_through_sop
from .documents import simple_pdf

SPEC = {
    "slug": "jdih",
    "name": "JDIH Kabupaten Ketapang",
    "short_name": "Bagian Hukum Setda Ketapang",
    "hostname": "jdih.ketapangkab.localhost",
    "address": "Kantor Bupati Ketapang, Jl. Letjend. S. Parman No. 1, Ketapang 78811",
    "phone": "(0534) 32222 ext. 120",
    "email": "hukum@ketapangkab.go.id",
    "accent": "#5b3a0b",
    "intro": "Jaringan Dokumentasi dan Informasi Hukum Kabupaten Ketapang: peraturan daerah, peraturan "
    "bupati, keputusan bupati dan dokumen hukum lain, dikelola Bagian Hukum Sekretariat Daerah.",
}

# key, title, type, number, year, enacted (month, day), field, subjects, initiator, abstract,
# text inside the PDF, relations (kind, key)
PRODUCTS = [
    ("retribusi-2011", "Retribusi Jasa Umum", "perda", "1", 2011, (3, 14), "pajak", "retribusi, jasa umum",
     "Badan Pendapatan Daerah", "Jenis, tarif dan tata cara pemungutan retribusi jasa umum.",
     ["Retribusi pelayanan kesehatan, persampahan dan parkir di tepi jalan umum."], []),
    ("pajak-2011", "Pajak Daerah", "perda", "2", 2011, (3, 14), "pajak", "pajak daerah",
     "Badan Pendapatan Daerah", "Jenis pajak daerah kabupaten, tarif dan tata cara pemungutannya.",
     ["Pajak hotel, pajak restoran, pajak hiburan dan pajak reklame."], []),
    ("sotk-2016", "Pembentukan dan Susunan Perangkat Daerah", "perda", "3", 2016, (11, 28),
     "administrasi", "perangkat daerah, organisasi", "Bagian Organisasi",
     "Pembentukan dinas, badan dan kecamatan beserta susunannya.",
     ["Perangkat daerah: sekretariat daerah, sekretariat DPRD, inspektorat, dinas dan badan."], []),
    ("anak-2019", "Penyelenggaraan Perlindungan Anak", "perda", "5", 2019, (7, 22), "sosial",
     "perlindungan anak, kekerasan", "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
     "Pencegahan kekerasan terhadap anak dan layanan bagi anak korban.",
     ["Setiap anak berhak atas perlindungan dari kekerasan dan penelantaran."], []),
    ("rpjmd-2020", "Rencana Pembangunan Jangka Menengah Daerah Tahun 2021-2026", "perda", "4", 2021,
     (6, 30), "keuangan", "perencanaan, RPJMD", "Badan Perencanaan Pembangunan Daerah",
     "Visi, misi dan program pembangunan daerah lima tahun.",
     ["Indikator kinerja utama dan kerangka pendanaan pembangunan."], []),
    ("sotk-2021", "Perubahan atas Peraturan Daerah Nomor 3 Tahun 2016 tentang Pembentukan dan Susunan "
     "Perangkat Daerah", "perda", "8", 2021, (12, 20), "administrasi", "perangkat daerah, organisasi",
     "Bagian Organisasi", "Penggabungan dinas pendidikan dan kebudayaan.",
     ["Dinas Pendidikan dan Dinas Kebudayaan digabung menjadi satu perangkat daerah."],
     [("mengubah", "sotk-2016")]),
    ("dinkes-2022", "Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Dinas Kesehatan",
     "perbup", "25", 2022, (1, 10), "kesehatan", "organisasi, kesehatan", "Dinas Kesehatan",
     "Tugas dan fungsi Dinas Kesehatan beserta unit pelaksana teknis puskesmas.",
     ["Dinas Kesehatan dipimpin kepala dinas yang berada di bawah bupati."], [("melaksanakan", "sotk-2016")]),
    ("sungai-2023", "Gerakan Bersih Sungai Pawan", "instruksi", "1", 2023, (2, 6), "lingkungan",
     "lingkungan hidup, sungai, sampah", "Dinas Lingkungan Hidup",
     "Kerja bakti bulanan membersihkan Sungai Pawan di setiap kecamatan.",
     ["Camat dan lurah menggerakkan warga membersihkan bantaran sungai."], []),
    ("pdrd-2024", "Pajak Daerah dan Retribusi Daerah", "perda", "1", 2024, (1, 5), "pajak",
     "pajak daerah, retribusi", "Badan Pendapatan Daerah",
     "Pajak dan retribusi daerah menurut Undang-Undang Hubungan Keuangan Pusat dan Daerah.",
     ["Pajak barang dan jasa tertentu menggantikan pajak hotel dan restoran."],
     [("mencabut", "retribusi-2011"), ("mencabut", "pajak-2011")]),
    ("se-2024", "Jam Kerja Aparatur Sipil Negara pada Bulan Ramadan", "se", "800/12/BKPSDM", 2024, (3, 8),
     "kepegawaian", "jam kerja, ASN", "Badan Kepegawaian dan Pengembangan SDM",
     "Jam kerja ASN selama bulan Ramadan 1445 H.", ["Jam kerja pukul 08.00 sampai 15.00 WIB."], []),
    ("pemungutan-2024", "Tata Cara Pemungutan Pajak Daerah", "perbup", "10", 2024, (4, 15), "pajak",
     "pajak daerah, pemungutan", "Badan Pendapatan Daerah",
     "Pendaftaran, penetapan, pembayaran dan penagihan pajak daerah.",
     ["Wajib pajak membayar melalui bank persepsi atau kanal pembayaran elektronik."],
     [("melaksanakan", "pdrd-2024")]),
    ("pasar-2025", "Penetapan Lokasi Pembangunan Pasar Rakyat Sukaharja", "sk", "188.45/120/HK/2025", 2025,
     (2, 3), "ekonomi", "pasar, pembangunan", "Dinas Perindustrian dan Perdagangan",
     "Lokasi dan luas lahan pembangunan pasar rakyat.", ["Lokasi di Kelurahan Sukaharja seluas 1,2 hektare."],
     []),
    ("kompilasi-2024", "Kompilasi Peraturan Daerah Kabupaten Ketapang 2020-2024", "monografi", "", 2024,
     (12, 1), "tata_negara", "kompilasi, peraturan daerah", "Bagian Hukum",
     "Himpunan peraturan daerah yang ditetapkan tahun 2020 sampai 2024.",
     ["Disusun Bagian Hukum Sekretariat Daerah Kabupaten Ketapang."], []),
]  # fmt: skip


def ensure_site(port):
    """The JDIH site, provisioned as ``create_opd_site jdih --kind jdih`` would; (opd, created)."""
    result = provision_opd(
        slug=SPEC["slug"], name=SPEC["name"], hostname=SPEC["hostname"], port=port, kind="jdih"
    )
    if result.created:
        branding = result.opd.site.sitebranding
        branding.short_name = SPEC["short_name"]
        branding.address = SPEC["address"]
        branding.phone = SPEC["phone"]
        branding.email = SPEC["email"]
        branding.accent_colour = SPEC["accent"]
        branding.save()
        home = result.opd.site.root_page.specific
        home.intro = SPEC["intro"]
        home.save_revision().publish(skip_permission_checks=True)
    return result.opd, result.created


def _pdf(opd, key, title, lines):
    Document = get_document_model()
    existing = Document.objects.filter(title=title, collection=opd.collection).first()
    if existing:
        return existing
    return Document.objects.create(
        title=title,
        file=ContentFile(simple_pdf(title[:80], lines), name=f"jdih-{key}.pdf"),
        collection=opd.collection,
    )


def seed_products(opd, people):
    """The demo products, in order, through the SOP; False when they are already there."""
    index = LegalProductIndexPage.objects.child_of(opd.site.root_page).get()
    if LegalProductPage.objects.child_of(index).exists():
        return False
    made = {}
    for key, title, doc_type, number, year, (
        month,
        day,
    ), field, subjects, initiator, abstract, text, links in PRODUCTS:
        enacted = date(year, month, day)
        citation = f"Nomor {number} Tahun {year}" if number else str(year)
        page = LegalProductPage(
            title=title,
            slug=key,
            document=_pdf(opd, key, title, [citation, *text]),
            doc_type=doc_type,
            number=number,
            year=year,
            enacted_on=enacted,
            # Perda and Perbup are promulgated in the gazette a few days after enactment.
            promulgated_on=enacted + timedelta(days=2) if doc_type in ("perda", "perbup") else enacted,
            gazette=(
                f"Lembaran Daerah Kabupaten Ketapang Tahun {year} Nomor {number}"
                if doc_type == "perda"
                else f"Berita Daerah Kabupaten Ketapang Tahun {year} Nomor {number}"
                if doc_type == "perbup"
                else ""
            ),
            initiator=initiator,
            legal_field=field,
            subjects=subjects,
            summary=f"<p>{abstract}</p>",
        )
        page.relations = [LegalProductRelation(kind=kind, target=made[target]) for kind, target in links]
        made[key] = add_through_sop(index, page, people)
    return True
