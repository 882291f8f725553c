"""Demo PPID content per OPD: the PPID page, DIP entries and a Standar Pelayanan (through the
SOP, written by the OPD's PPID) and two requests from fictional citizens."""

from datetime import timedelta

from django.utils import timezone

from opd.roles import Role
from ppid import provisioning as ppid_provisioning
from ppid.models import InformationPage, InformationRequest, PPIDPage, RequestStatus, StandarPelayananPage
from ppid.services import change_status, register_request

from .builders import add_through_sop, ensure_child

REQUESTS = [
    {
        "name": "Rina Marlina (fiktif)",
        "nik": "6104015507950001",
        "address": "Jl. Gajah Mada No. 12, Ketapang",
        "email": "rina.demo@contoh.id",
        "phone": "",
        "information": "Rencana kerja dan anggaran tahun berjalan.",
        "purpose": "Bahan diskusi forum warga.",
        "delivery": "surel",
    },
    {
        "name": "Budi Santoso (fiktif)",
        "nik": "6104011208880002",
        "address": "Jl. Sudirman No. 3, Ketapang",
        "email": "",
        "phone": "081200000000",
        "information": "Data jumlah layanan per bulan tahun lalu.",
        "purpose": "Penelitian mahasiswa.",
        "delivery": "ambil",
    },
]


def seed_ppid(opd, home, people, developer):
    """The OPD's PPID content; False when it is already there.

    The PPID page itself (both languages, and its menu entry) comes with provisioning
    (ppid/provisioning.py); the demo adds DIP entries, a Standar Pelayanan and two requests.
    """
    ppid, _created = ensure_child(
        home, PPIDPage, developer, title="PPID", slug="ppid", intro=ppid_provisioning.indonesian_intro(opd)
    )
    if InformationPage.objects.child_of(ppid).exists():
        return False
    writer = {**people, Role.PENULIS: people[Role.PPID]}
    year = timezone.localdate().year
    add_through_sop(
        ppid,
        InformationPage(
            title=f"Laporan Realisasi Anggaran {year - 1}",
            slug="laporan-realisasi-anggaran",
            intro="Laporan realisasi anggaran pendapatan dan belanja, diperbarui tiap semester.",
            information_class="berkala",
            information_year=year - 1,
            responsible="Sekretariat",
        ),
        writer,
    )
    add_through_sop(
        ppid,
        InformationPage(
            title="Daftar Sarana dan Prasarana",
            slug="daftar-sarana",
            intro="Daftar aset dan sarana layanan.",
            information_class="setiap_saat",
            responsible="Subbagian Umum",
        ),
        writer,
    )
    add_through_sop(
        ppid,
        StandarPelayananPage(
            title="Standar Pelayanan Informasi Publik",
            slug="standar-pelayanan-informasi",
            intro="Standar pelayanan permohonan informasi publik.",
            persyaratan="<ul><li>Identitas pemohon (KTP)</li><li>Formulir permohonan</li></ul>",
            prosedur="<ol><li>Isi formulir daring</li><li>PPID memproses</li>"
            "<li>Informasi diserahkan</li></ol>",
            jangka_waktu="<p>Paling lambat 10 hari kerja, dapat diperpanjang 7 hari kerja.</p>",
            biaya="<p>Tidak dipungut biaya (biaya salinan sesuai ketentuan).</p>",
            produk="<p>Informasi publik yang diminta.</p>",
            pengaduan="<p>Melalui keberatan kepada atasan PPID atau SP4N-LAPOR!.</p>",
            dasar_hukum="<p>UU 14/2008; UU 25/2009; Perki 1/2021.</p>",
            sarana="<ul><li>Meja layanan informasi dan ruang tunggu</li><li>Komputer dan pemindai</li>"
            "<li>Formulir daring di situs ini</li></ul>",
            kompetensi="<p>Pegawai yang memahami UU 14/2008 dan klasifikasi informasi, telah mengikuti "
            "bimbingan teknis PPID.</p>",
            pengawasan="<p>Atasan PPID memeriksa register permohonan setiap bulan.</p>",
            jumlah_pelaksana="<p>2 orang petugas layanan informasi dan 1 orang PPID pelaksana.</p>",
            jaminan_pelayanan="<p>Permohonan dijawab paling lambat 10 hari kerja; bila terlambat, "
            "pemohon dapat mengajukan keberatan.</p>",
            jaminan_keamanan="<p>Data pribadi pemohon hanya dibaca PPID dan dihapus setelah masa "
            "retensi.</p>",
            evaluasi="<p>Survei Kepuasan Masyarakat tiap semester dan laporan layanan informasi tahunan.</p>",
            maklumat=f"<p>Dengan ini {opd.name} sanggup menyelenggarakan pelayanan sesuai standar "
            "pelayanan yang telah ditetapkan.</p>",
            information_class="berkala",
        ),
        writer,
    )
    if not InformationRequest.objects.filter(opd=opd).exists():
        answered = register_request(opd, REQUESTS[0], now=timezone.now() - timedelta(days=10))
        change_status(answered, RequestStatus.DIPROSES, people[Role.PPID])
        change_status(
            answered, RequestStatus.SELESAI, people[Role.PPID], answer="Dokumen dikirim melalui surel."
        )
        register_request(opd, REQUESTS[1])
    return True
