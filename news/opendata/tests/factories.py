"""Datasets made directly in the database, published as the SOP's last step leaves them."""

import io
from datetime import date

from django.core.files.base import ContentFile
from openpyxl import Workbook
from wagtail.documents import get_document_model

from news.opendata.models import DatasetIndexPage, DatasetPage, DatasetResource
from tests.content import add_index, publish

POPULATION_CSV = (
    b"tahun,jumlah_penduduk,laju_pertumbuhan\n"
    b"2020,570657,1.2\n"
    b"2021,577400,1.18\n"
    b"2022,584300,1.19\n"
    b"2023,591100,1.16\n"
    b"2024,597800,1.13\n"
)


def xlsx_bytes(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_data_file(opd, title, name, content):
    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name=name), collection=opd.collection
    )


def data_index(opd, title="Data", slug="data"):
    return add_index(opd, DatasetIndexPage, title, slug)


def dataset(index, opd, title, *, files=(), tags=(), live=True, **fields):
    """A dataset under ``index`` with resources made from (format, file name, bytes) triples."""
    values = {
        "description": f"Deskripsi {title}.",
        "topic": "statistik",
        "frequency": "tahunan",
        "year": 2024,
        "last_updated": date(2025, 1, 15),
        "maintainer": "Bidang Statistik",
        "maintainer_email": "statistik@ketapangkab.go.id",
        **fields,
    }
    page = DatasetPage(title=title, **values)
    page.resources = [
        DatasetResource(
            name=f"{title} ({fmt})",
            format=fmt,
            document=make_data_file(opd, title, name, content),
            sort_order=order,
        )
        for order, (fmt, name, content) in enumerate(files)
    ]
    page.tags.add(*tags)
    if live:
        page = publish(index, page)
    else:
        page.live = False
        index.add_child(instance=page)
        page.save_revision()
    return page
