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

# News categories per site: (slug, name). Each demo article takes the category at the same index.
CATEGORIES = {
    "ketapangkab": [
        ("pemerintahan", "Pemerintahan"),
        ("pembangunan", "Pembangunan"),
        ("layanan", "Layanan Publik"),
    ],
    "diskominfo": [("tik", "Teknologi Informasi"), ("kehumasan", "Kehumasan"), ("statistik", "Statistik")],
    "dinkes": [("kesmas", "Kesehatan Masyarakat"), ("pelayanan", "Pelayanan Kesehatan"), ("gizi", "Gizi")],
    "disdikbud": [("pendidikan", "Pendidikan"), ("kebudayaan", "Kebudayaan"), ("guru", "Guru dan Tenaga")],
}

# Tags of the demo articles, by index within NEWS[slug].
NEWS_TAGS = [["ketapang", "pelayanan publik"], ["ketapang", "program"]]

# (title, summary, days from today the validity starts, days it ends; None = open-ended).
# The last one of each site has already expired: it is off every list but still reachable.
ANNOUNCEMENTS = {
    "ketapangkab": [
        (
            "Libur Nasional dan Cuti Bersama Idulfitri",
            "Layanan administrasi Pemkab Ketapang tutup selama libur nasional dan cuti bersama.",
            -2,
            20,
        ),
        (
            "Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama",
            "Pendaftaran seleksi terbuka JPT Pratama dibuka untuk ASN yang memenuhi syarat.",
            -5,
            None,
        ),
        (
            "Pendaftaran Musrenbang Kecamatan Ditutup",
            "Usulan musrenbang kecamatan sudah tidak diterima lagi.",
            -60,
            -30,
        ),
    ],
    "diskominfo": [
        (
            "Pemeliharaan Jaringan Pusat Data",
            "Layanan surel dan aplikasi pemerintah daerah terganggu Sabtu pukul 22.00-02.00 WIB.",
            -1,
            6,
        ),
        (
            "Pendaftaran Pelatihan Pengelola Website OPD",
            "Setiap OPD mengirim dua orang pengelola website untuk pelatihan.",
            -3,
            None,
        ),
        (
            "Pengumuman Hasil Seleksi Duta Literasi Digital",
            "Peserta yang lolos telah dihubungi panitia.",
            -45,
            -15,
        ),
    ],
    "dinkes": [
        (
            "Jadwal Pekan Imunisasi Nasional",
            "Imunisasi polio tambahan diberikan di seluruh puskesmas dan posyandu.",
            -1,
            13,
        ),
        (
            "Layanan Puskesmas Selama Libur Panjang",
            "Unit gawat darurat puskesmas rawat inap tetap buka 24 jam.",
            -2,
            None,
        ),
        (
            "Pendaftaran Tenaga Kesehatan Teladan Ditutup",
            "Berkas usulan nakes teladan tidak diterima lagi.",
            -40,
            -10,
        ),
    ],
    "disdikbud": [
        (
            "Jadwal Penerimaan Peserta Didik Baru",
            "Pendaftaran PPDB SD dan SMP negeri dibuka secara daring dan luring.",
            -3,
            25,
        ),
        (
            "Penyaluran Tunjangan Profesi Guru Triwulan II",
            "Tunjangan profesi guru disalurkan setelah verifikasi data Dapodik.",
            -4,
            None,
        ),
        (
            "Pendaftaran Lomba Cerdas Cermat Ditutup",
            "Pendaftaran lomba cerdas cermat tingkat SMP telah ditutup.",
            -50,
            -20,
        ),
    ],
}

# (title, summary, place, days from today, start hour, duration in hours).
EVENTS = {
    "ketapangkab": [
        (
            "Rapat Paripurna Penyampaian LKPJ Bupati",
            "Bupati menyampaikan Laporan Keterangan Pertanggungjawaban kepada DPRD.",
            "Gedung DPRD Kabupaten Ketapang, Jl. Letjend. S. Parman",
            5,
            9,
            3,
        ),
        (
            "Upacara Hari Jadi Kabupaten Ketapang",
            "Upacara peringatan hari jadi diikuti seluruh ASN dan pelajar.",
            "Lapangan Tanjungpura, Ketapang",
            12,
            7,
            2,
        ),
        (
            "Forum Konsultasi Publik RKPD",
            "Forum konsultasi publik rancangan awal RKPD bersama masyarakat.",
            "Pendopo Bupati Ketapang",
            -7,
            9,
            4,
        ),
    ],
    "diskominfo": [
        (
            "Sosialisasi SPBE untuk Perangkat Daerah",
            "Sosialisasi indeks SPBE dan arsitektur pemerintahan digital.",
            "Aula Diskominfo, Jl. Jend. Sudirman No. 21",
            3,
            9,
            3,
        ),
        (
            "Bimbingan Teknis Pengelola Website OPD",
            "Pelatihan penulisan berita dan pengelolaan website sesuai SOP.",
            "Ruang Rapat Diskominfo",
            9,
            8,
            6,
        ),
        (
            "Rapat Koordinasi PPID",
            "Koordinasi pejabat pengelola informasi dan dokumentasi seluruh OPD.",
            "Ruang Rapat Sekretariat Daerah",
            -10,
            13,
            2,
        ),
    ],
    "dinkes": [
        (
            "Rapat Koordinasi Percepatan Penurunan Stunting",
            "Koordinasi lintas sektor percepatan penurunan stunting tingkat kabupaten.",
            "Aula Dinas Kesehatan, Jl. D.I. Panjaitan No. 5",
            4,
            9,
            3,
        ),
        (
            "Pemeriksaan Kesehatan Gratis Hari Kesehatan Nasional",
            "Cek tekanan darah, gula darah dan konsultasi gizi tanpa biaya.",
            "Taman Kota Ketapang",
            10,
            7,
            5,
        ),
        (
            "Pelatihan Kader Posyandu",
            "Penguatan kader posyandu dalam pemantauan tumbuh kembang balita.",
            "Puskesmas Sukabangun",
            -6,
            8,
            4,
        ),
    ],
    "disdikbud": [
        (
            "Festival Budaya Melayu Ketapang",
            "Pergelaran tari zapin, musik tanjidor dan lomba pantun pelajar.",
            "Pendopo Bupati Ketapang",
            8,
            15,
            5,
        ),
        (
            "Sosialisasi Kurikulum Merdeka Jenjang SMP",
            "Sosialisasi implementasi Kurikulum Merdeka bagi kepala sekolah SMP.",
            "Aula Dinas Pendidikan dan Kebudayaan",
            2,
            8,
            4,
        ),
        (
            "Lomba Cerdas Cermat Tingkat SMP",
            "Final lomba cerdas cermat antarsekolah se-Kabupaten Ketapang.",
            "SMP Negeri 1 Ketapang",
            -14,
            8,
            6,
        ),
    ],
}

# (title, type, number, year, status, summary).
DOCUMENTS = {
    "ketapangkab": [
        (
            "Anggaran Pendapatan dan Belanja Daerah Tahun Anggaran 2026",
            "perda",
            "1 Tahun 2026",
            2026,
            "berlaku",
            "Penetapan APBD Kabupaten Ketapang tahun anggaran 2026.",
        ),
        (
            "Penyelenggaraan Sistem Pemerintahan Berbasis Elektronik",
            "perbup",
            "17 Tahun 2025",
            2025,
            "berlaku",
            "Tata kelola SPBE di lingkungan Pemerintah Kabupaten Ketapang.",
        ),
    ],
    "diskominfo": [
        (
            "Rencana Strategis Dinas Komunikasi dan Informatika 2025-2029",
            "renstra",
            "",
            2025,
            "berlaku",
            "Tujuan, sasaran, strategi dan program Diskominfo lima tahun.",
        ),
        (
            "Standar Pelayanan Informasi Publik",
            "sop",
            "800/12/Diskominfo/2025",
            2025,
            "berlaku",
            "Standar pelayanan permohonan informasi publik di PPID Utama.",
        ),
    ],
    "dinkes": [
        (
            "Laporan Kinerja Instansi Pemerintah Dinas Kesehatan 2025",
            "laporan",
            "",
            2025,
            "berlaku",
            "Capaian kinerja Dinas Kesehatan tahun 2025.",
        ),
        (
            "Kawasan Tanpa Rokok",
            "perda",
            "5 Tahun 2019",
            2019,
            "diubah",
            "Penetapan kawasan tanpa rokok di fasilitas kesehatan, sekolah dan tempat umum.",
        ),
    ],
    "disdikbud": [
        (
            "Petunjuk Teknis Penerimaan Peserta Didik Baru",
            "sk",
            "188.45/120/Disdikbud/2026",
            2026,
            "berlaku",
            "Jalur, kuota dan jadwal PPDB SD dan SMP negeri.",
        ),
        (
            "Pelestarian Cagar Budaya Daerah",
            "perbup",
            "9 Tahun 2018",
            2018,
            "dicabut",
            "Dicabut dan diganti dengan Peraturan Bupati yang baru.",
        ),
    ],
}

# (album title, intro, photo titles, video URL).
GALLERIES = {
    "ketapangkab": (
        "Peresmian Jembatan Delta Pawan",
        "Dokumentasi peresmian jembatan penghubung dua kecamatan.",
        ["Pemotongan pita peresmian", "Warga melintasi jembatan", "Bupati menyapa warga"],
        "https://www.youtube.com/watch?v=ktpDemo0001",
    ),
    "diskominfo": (
        "Pelatihan Jurnalistik Tim Peliput OPD",
        "Suasana pelatihan penulisan rilis dan fotografi berita.",
        ["Pemateri menjelaskan piramida terbalik", "Praktik fotografi berita", "Foto bersama peserta"],
        "https://www.youtube.com/watch?v=ktpDemo0002",
    ),
    "dinkes": (
        "Pekan Imunisasi di Puskesmas",
        "Kegiatan imunisasi MR di puskesmas dan posyandu.",
        ["Petugas menyiapkan vaksin", "Orang tua mengantre", "Balita menerima imunisasi"],
        "https://www.youtube.com/watch?v=ktpDemo0003",
    ),
    "disdikbud": (
        "Festival Budaya Melayu",
        "Penampilan sanggar seni pada festival budaya tahunan.",
        ["Tari zapin pelajar", "Musik tanjidor", "Lomba pantun"],
        "https://www.youtube.com/watch?v=ktpDemo0004",
    ),
}

# Profile pages under "Profil": (title, slug, paragraph).
PROFILE_PAGES = [
    ("Visi dan Misi", "visi-misi", "Visi dan misi ditetapkan dalam Rencana Strategis lima tahunan."),
    ("Struktur Organisasi", "struktur-organisasi", "Kepala, sekretariat, bidang-bidang dan UPT."),
    ("Tugas dan Fungsi", "tugas-fungsi", "Tugas pokok dan fungsi sesuai Peraturan Bupati tentang SOTK."),
]

# Links every demo site offers: (label, URL, description, English label, English description);
# no URL: the site's own PPID page (whose title follows the page's translation).
QUICK_LINKS = [
    (
        "SP4N-LAPOR!",
        "https://www.lapor.go.id/",
        "Sampaikan pengaduan dan aspirasi",
        "",
        "Send a complaint or a suggestion",
    ),
    ("PPID", "", "Permohonan informasi publik", "", "Request public information"),
    (
        "JDIH",
        "https://jdih.ketapangkab.go.id/",
        "Jaringan dokumentasi dan informasi hukum",
        "",
        "Legal documentation and information network",
    ),
]
# (label, URL, English label)
FOOTER_LINKS = [
    ("Kebijakan Privasi", "https://ketapangkab.go.id/kebijakan-privasi/", "Privacy policy"),
    ("SP4N-LAPOR!", "https://www.lapor.go.id/", ""),
]
