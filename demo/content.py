"""The demo's OPDs, people and Indonesian content (realistic, invented for the demo)."""

DEMO_PASSWORD = "ketapang-demo-2026"  # noqa: S105 -- dev-only demo password, documented in README

OPDS = [
    {
        "slug": "ketapangkab",
        "name": "Pemerintah Kabupaten Ketapang",
        "short_name": "Kabupaten Ketapang",
        "hostname": "ketapangkab.localhost",
        "portal": True,
        "address": "Jl. Letjend. S. Parman No. 1, Ketapang, Kalimantan Barat 78811",
        "phone": "(0534) 32222",
        "email": "humas@ketapangkab.go.id",
        "accent": "#0b5394",
        "intro": "Portal resmi Pemerintah Kabupaten Ketapang: berita, layanan publik dan informasi "
        "dari seluruh Organisasi Perangkat Daerah.",
    },
    {
        "slug": "diskominfo",
        "name": "Dinas Komunikasi dan Informatika",
        "short_name": "Diskominfo Ketapang",
        "hostname": "diskominfo.ketapangkab.localhost",
        "portal": False,
        "address": "Jl. Jend. Sudirman No. 21, Ketapang, Kalimantan Barat 78812",
        "phone": "(0534) 33011",
        "email": "diskominfo@ketapangkab.go.id",
        "accent": "#1d4e89",
        "intro": "Dinas Komunikasi dan Informatika Kabupaten Ketapang mengelola informasi publik, "
        "persandian, statistik sektoral dan layanan TIK pemerintah daerah.",
    },
    {
        "slug": "dinkes",
        "name": "Dinas Kesehatan",
        "short_name": "Dinkes Ketapang",
        "hostname": "dinkes.ketapangkab.localhost",
        "portal": False,
        "address": "Jl. D.I. Panjaitan No. 5, Ketapang, Kalimantan Barat 78813",
        "phone": "(0534) 31460",
        "email": "dinkes@ketapangkab.go.id",
        "accent": "#0f6b3a",
        "intro": "Dinas Kesehatan Kabupaten Ketapang: layanan puskesmas, imunisasi, gizi dan "
        "kesehatan lingkungan untuk seluruh warga.",
    },
    {
        "slug": "disdikbud",
        "name": "Dinas Pendidikan dan Kebudayaan",
        "short_name": "Disdikbud Ketapang",
        "hostname": "disdikbud.ketapangkab.localhost",
        "portal": False,
        "address": "Jl. Gajah Mada No. 48, Ketapang, Kalimantan Barat 78811",
        "phone": "(0534) 32145",
        "email": "disdikbud@ketapangkab.go.id",
        "accent": "#7a2e0e",
        "intro": "Dinas Pendidikan dan Kebudayaan Kabupaten Ketapang: PAUD, pendidikan dasar, "
        "guru dan tenaga kependidikan, serta pelestarian budaya daerah.",
    },
]

NEWS = {
    "ketapangkab": [
        (
            "Bupati Ketapang Resmikan Jembatan Penghubung Dua Kecamatan",
            "Jembatan sepanjang 120 meter menghubungkan Kecamatan Delta Pawan dan Muara Pawan "
            "dan memangkas waktu tempuh warga hingga satu jam.",
            "Peresmian dihadiri kepala OPD, camat dan tokoh masyarakat. Bupati berpesan agar warga "
            "ikut menjaga jembatan dan melaporkan kerusakan melalui kanal pengaduan resmi.",
        ),
        (
            "Pemkab Ketapang Gelar Musrenbang Tingkat Kabupaten 2027",
            "Musyawarah Perencanaan Pembangunan membahas prioritas infrastruktur jalan, air bersih "
            "dan layanan kesehatan dasar di wilayah hulu.",
            "Sebanyak 312 usulan dari 20 kecamatan dibahas bersama perangkat daerah dan DPRD.",
        ),
    ],
    "diskominfo": [
        (
            "Diskominfo Perluas Akses Internet Gratis di 25 Desa",
            "Titik akses internet publik kini menjangkau balai desa dan sekolah di lima kecamatan.",
            "Program ini bekerja sama dengan BAKTI Kominfo. Warga dapat memakai layanan di balai desa "
            "setiap hari kerja pukul 07.30 sampai 16.00 WIB.",
        ),
        (
            "Pelatihan Jurnalistik untuk Tim Peliput OPD",
            "Tiga puluh pengelola website OPD mengikuti pelatihan penulisan rilis dan fotografi berita.",
            "Materi meliputi struktur piramida terbalik, etika foto dan alur SOP pengelolaan website.",
        ),
    ],
    "dinkes": [
        (
            "Imunisasi Campak-Rubela Capai 92 Persen di Ketapang",
            "Capaian imunisasi MR pada anak usia 9 bulan sampai 15 tahun melampaui target provinsi.",
            "Dinas Kesehatan mengimbau orang tua yang belum membawa anaknya untuk datang ke "
            "puskesmas terdekat. Layanan imunisasi tidak dipungut biaya.",
        ),
        (
            "Puskesmas Sukabangun Buka Layanan Sore untuk Pekerja",
            "Layanan poli umum kini buka hingga pukul 20.00 WIB pada hari Senin sampai Kamis.",
            "Perluasan jam layanan menjawab keluhan pekerja yang tidak dapat berobat pada jam kerja.",
        ),
    ],
    "disdikbud": [
        (
            "Penerimaan Peserta Didik Baru SD dan SMP Dibuka Juni",
            "Pendaftaran PPDB jenjang SD dan SMP negeri dilakukan secara daring dan luring.",
            "Orang tua dapat mendaftar di sekolah tujuan atau melalui laman PPDB kabupaten. "
            "Jalur zonasi, afirmasi dan perpindahan tugas orang tua tetap berlaku.",
        ),
        (
            "Festival Budaya Melayu Ketapang Tampilkan 40 Sanggar",
            "Festival tahunan menampilkan tari zapin, musik tanjidor dan lomba pantun pelajar.",
            "Kegiatan ini menjadi upaya pelestarian budaya daerah sekaligus promosi wisata.",
        ),
    ],
}
