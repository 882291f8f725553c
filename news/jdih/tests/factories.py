"""Builders for JDIH tests: a JDIH site provisioned as create_opd_site --kind jdih does, and
published legal products with a real (generated) PDF."""

from datetime import date

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from demo.documents import simple_pdf
from news.jdih.models import LegalProductIndexPage, LegalProductPage
from opd.provisioning import provision_opd
from tests.content import publish

HOST = "jdih.ketapangkab.localhost"


def make_jdih_site(slug="jdih", name="Bagian Hukum Sekretariat Daerah", hostname=HOST):
    """(opd, index): the JDIH site and its legal-products library."""
    opd = provision_opd(slug=slug, name=name, hostname=hostname, kind="jdih").opd
    return opd, LegalProductIndexPage.objects.child_of(opd.site.root_page).get()


def make_pdf(opd, title, lines=("Dokumen uji.",)):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(simple_pdf(title[:80], list(lines)), name="produk-hukum.pdf"),
        collection=opd.collection,
    )


def add_product(index, opd, title, doc_type="perda", year=2024, number="3", text=(), relations=(), **fields):
    """A published product; ``relations`` are (kind, target page) pairs."""
    fields.setdefault("enacted_on", date(year, 3, 1))
    fields.setdefault("promulgated_on", date(year, 3, 5))
    product = LegalProductPage(
        title=title,
        document=make_pdf(opd, title, text or ("Dokumen uji.",)),
        doc_type=doc_type,
        year=year,
        number=number,
        **fields,
    )
    for kind, target in relations:
        product.relations.add(product.relations.model(kind=kind, target=target))
    return publish(index, product)
