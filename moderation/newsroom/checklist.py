"""What an assignment's checklist still misses, from the media tagged with the assignment."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


@dataclass
class ChecklistItem:
    key: str
    label: str
    required: bool
    done: bool
    problems: list = field(default_factory=list)


def tagged_images(assignment):
    return (
        get_image_model()
        .objects.filter(collection=assignment.opd.collection, tags__name=assignment.media_tag)
        .order_by("created_at", "pk")
        .distinct()
    )


def tagged_documents(assignment):
    return (
        get_document_model()
        .objects.filter(collection=assignment.opd.collection, tags__name=assignment.media_tag)
        .order_by("created_at", "pk")
        .distinct()
    )


def photo_problems(image):
    """What a photo lacks before it can go into a release: alt text, caption, credit."""
    missing = []
    if not image.description.strip():
        missing.append(_("teks alternatif"))
    if not image.caption.strip():
        missing.append(_("keterangan"))
    if not image.credit.strip():
        missing.append(_("kredit fotografer"))
    return missing


def checklist(assignment, images=None, documents=None):
    """The assignment's checklist: each kind asked for, whether it is complete, and why not."""
    images = list(tagged_images(assignment)) if images is None else images
    documents = list(tagged_documents(assignment)) if documents is None else documents
    items = []

    photo = ChecklistItem("photos", _("Foto dengan keterangan dan kredit"), assignment.needs_photos, False)
    if not images:
        photo.problems.append(_("Belum ada foto yang diunggah untuk penugasan ini."))
    for image in images:
        missing = photo_problems(image)
        if missing:
            photo.problems.append(
                _("Foto “%(title)s” belum memiliki %(missing)s.")
                % {"title": image.title, "missing": ", ".join(missing)}
            )
    photo.done = not photo.problems
    items.append(photo)

    video = ChecklistItem("video", _("Video"), assignment.needs_video, bool(assignment.video_url))
    if not video.done:
        video.problems.append(_("Tautan video belum diisi."))
    items.append(video)

    docs = ChecklistItem("documents", _("Dokumen"), assignment.needs_documents, bool(documents))
    if not docs.done:
        docs.problems.append(_("Belum ada dokumen yang diunggah untuk penugasan ini."))
    items.append(docs)

    quotes = ChecklistItem(
        "quotes", _("Kutipan narasumber"), assignment.needs_quotes, bool(assignment.quotes.strip())
    )
    if not quotes.done:
        quotes.problems.append(_("Kutipan narasumber belum diisi."))
    items.append(quotes)
    return items


def missing_required(assignment):
    """The problems that keep the assignment from being marked done (required items only)."""
    return [problem for item in checklist(assignment) if item.required for problem in item.problems]
