"""Content made directly in the database for tests that read, count or search it.

Tests of the SOP itself create pages over HTTP (tests/admin.py); tests of what the public
sees set content up quickly here, published as the workflow would leave it.
"""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from demo.documents import simple_pdf


def publish(parent, page):
    """Add ``page`` under ``parent`` and publish it (as the SOP's last step would)."""
    parent.add_child(instance=page)
    page.save_revision().publish(skip_permission_checks=True)
    page.refresh_from_db()
    return page


def add_index(opd, model, title, slug, locale_root=None):
    home = locale_root or opd.site.root_page
    return publish(home, model(title=title, slug=slug))


def make_image(opd, title="Foto kegiatan", colour="teal"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 240), colour).save(buffer, format="JPEG")
    return get_image_model().objects.create(
        title=title,
        file=ImageFile(buffer, name="foto.jpg"),
        description=f"Alt: {title}",
        caption=f"Suasana {title}",
        credit=f"Tim Peliput {opd.name}",
        collection=opd.collection,
    )


def make_document(opd, title="Peraturan Daerah"):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(simple_pdf(title, ["Dokumen uji."]), name="dokumen.pdf"),
        collection=opd.collection,
    )


def days(n):
    return timezone.localdate() + timedelta(days=n)


def hours_from_now(n):
    return timezone.now() + timedelta(hours=n)
