"""PPID test objects: the PPID page of an OPD's site and requests made as the form would."""

from django.utils import timezone

from opd.roles import Role
from opd.tests.factories import member
from ppid.models import PPIDPage
from ppid.services import register_request
from tests.content import publish

VALID_NIK = "6104015203900002"  # Kalimantan Barat, born 12-03-1990 (a woman: day + 40)


def ppid_page(opd):
    existing = PPIDPage.objects.child_of(opd.site.root_page).first()
    return existing or publish(opd.site.root_page, PPIDPage(title="PPID", slug="ppid"))


def ppid_officer(opd, username=None):
    return member(opd, Role.PPID, username=username)


def request_data(**overrides):
    data = {
        "name": "Siti Rahmawati",
        "nik": VALID_NIK,
        "address": "Jl. Merdeka No. 7, Ketapang",
        "email": "siti.pemohon@contoh.id",
        "phone": "081234567890",
        "information": "Salinan laporan realisasi anggaran program imunisasi 2025.",
        "purpose": "Bahan penelitian skripsi.",
        "delivery": "surel",
    }
    data.update(overrides)
    return data


def make_request(opd, now=None, **overrides):
    data = request_data(**overrides)
    return register_request(opd, data, now=now or timezone.now())
