"""PPID content for the query-budget test: on the regency portal and OPD sites, a PPID page
with DIP entries (``InformationPage``) of every class, Standar Pelayanan pages, classified
documents and information requests (one of them with a known tracking token); growing the
data adds more of each, and a newcomer OPD gets its own."""

from django.utils import timezone
from wagtail.documents import get_document_model

from demo.benchdata import bulk
from opd.media_library.models import InformationClass
from opd.roles import Role
from ppid.models import InformationPage, InformationRequest, PPIDPage, RequestStatus, StandarPelayananPage
from ppid.services import change_status, register_request

DOMAIN = "ketapangkab.localhost"
OPD = f"opd01.{DOMAIN}"
TOKEN = "lacak-bench-opd01"
PORTAL_TOKEN = "lacak-bench-portal"
CLASSES = [InformationClass.BERKALA, InformationClass.SERTA_MERTA, InformationClass.SETIAP_SAAT]

PPID_PAGES = [
    *(
        (host, path)
        for host in (DOMAIN, OPD)
        for path in (
            "/ppid/",
            "/ppid/dip/",
            "/ppid/dip/?kelas=berkala",
            "/ppid/dip/?tahun=2024",
            "/ppid/dip/?format=csv",
            "/ppid/permohonan/",
            "/ppid/laporan/",
            "/ppid/laporan/?tahun=2026&periode=2",
            "/ppid/standar-pelayanan-0/",
            "/ppid/informasi-1/",
        )
    ),
    (DOMAIN, "/ppid/dip/?unit=opd01"),
    (OPD, "/ppid/dip/?format=xlsx&kelas=berkala"),
    (DOMAIN, f"/ppid/lacak/{PORTAL_TOKEN}/"),
    (OPD, f"/ppid/lacak/{TOKEN}/"),
]

REQUEST = {
    "name": "Pemohon Benchmark",
    "nik": "6104015203900002",
    "address": "Jl. Merdeka No. 7, Ketapang",
    "email": "pemohon@contoh.id",
    "phone": "",
    "information": "Laporan realisasi anggaran.",
    "purpose": "Penelitian.",
    "delivery": "surel",
}


def _ppid_page(opd, user):
    home = opd.site.root_page.specific
    existing = PPIDPage.objects.child_of(home).first()
    if existing:
        return existing
    page = PPIDPage(title="PPID", slug="ppid", intro=f"PPID {opd.name}.", first_published_at=timezone.now())
    bulk.add_children(home, [page], user=user)
    return page


def add_ppid_content(seeder, opds=None, entries=6, start=0):
    """``entries`` DIP pages, two Standar Pelayanan pages, ``entries`` documents and two requests
    per OPD (the portal and the first OPD by default), numbered from ``start``."""
    opds = opds if opds is not None else seeder.opds[:2]
    now = timezone.now()
    Document = get_document_model()
    for opd in opds:
        user = opd.people[Role.PPID]
        ppid = _ppid_page(opd, user)
        ppid.refresh_from_db()
        pages = [
            InformationPage(
                title=f"Informasi {opd.name} {n}",
                slug=f"informasi-{n}",
                intro=f"Ringkasan informasi {n}.",
                information_class=CLASSES[n % len(CLASSES)],
                information_year=2020 + n % 6,
                responsible=f"Bidang {n % 3}",
                first_published_at=now,
            )
            for n in range(start, start + entries)
        ]
        bulk.add_children(ppid, pages, user=user)
        ppid.refresh_from_db()
        standards = [
            StandarPelayananPage(
                title=f"Standar Pelayanan {opd.name} {n}",
                slug=f"standar-pelayanan-{n}",
                intro="Standar pelayanan.",
                persyaratan="<ul><li>KTP</li></ul>",
                prosedur="<ol><li>Isi formulir</li></ol>",
                maklumat="<p>Maklumat pelayanan.</p>",
                information_class=InformationClass.BERKALA,
                first_published_at=now,
            )
            for n in range(start, start + 2)
        ]
        bulk.add_children(ppid, standards, user=user)
        Document.objects.bulk_create(
            [
                Document(
                    title=f"Dokumen DIP {opd.name} {n}",
                    file=f"documents/dip-{opd.slug}-{n}.pdf",
                    collection=opd.collection,
                    information_class=[*CLASSES, InformationClass.DIKECUALIKAN][n % 4],
                    number=f"{n}/2024",
                    year=2020 + n % 6,
                )
                for n in range(start, start + entries)
            ]
        )
        for n in range(2):
            request = register_request(opd, REQUEST, now=now)
            change_status(request, RequestStatus.DIPROSES, user)
            if n == 0 and start == 0 and opd in seeder.opds[:2]:
                token = PORTAL_TOKEN if opd.is_portal else TOKEN
                InformationRequest.objects.filter(pk=request.pk).update(token=token)
