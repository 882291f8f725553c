"""Which datasets a catalogue holds, and the one search both the catalogue page and the API use.

A regency's catalogue holds hundreds of datasets, not millions: they are loaded once per request
(three queries whatever their number: pages, tags, resources) and searched, filtered, faceted
and sorted in Python, so the catalogue page, ``package_search`` and the DCAT catalogue answer
the same question the same way.
"""

from django.conf import settings
from django.db.models import Prefetch
from wagtail.models import Locale

from opd.directory import OPDDirectory

from .models import DatasetPage, DatasetResource


def load(queryset):
    """The datasets of ``queryset`` with tags, resources and their OPD (``dataset.opd``)."""
    pages = queryset.prefetch_related(
        "tags",
        Prefetch("resources", queryset=DatasetResource.objects.select_related("document")),
    ).order_by("-last_updated", "title", "pk")
    return OPDDirectory.shared().label(pages)


def catalogue_datasets(index):
    """What a catalogue page lists: every OPD's published datasets in its language on the
    regency portal, its own children on an OPD's site."""
    published = DatasetPage.objects.published()
    if index.is_regency_catalogue():
        return load(published.filter(locale_id=index.locale_id))
    return load(published.child_of(index))


def api_datasets():
    """What the CKAN API and the DCAT catalogue publish: every published dataset of every OPD,
    in the default language (a translation is the same dataset)."""
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    return load(DatasetPage.objects.published().filter(locale=locale))


def searchable_text(dataset):
    parts = [
        dataset.title,
        dataset.description,
        dataset.producer_unit,
        dataset.get_topic_display(),
        dataset.opd.name if dataset.opd else "",
        *(tag.name for tag in dataset.tags.all()),
        *(resource.name for resource in dataset.resources.all()),
    ]
    return " ".join(str(part) for part in parts).lower()


def matches_text(dataset, q):
    """Every word of ``q`` appears in the dataset's text (CKAN's default AND of terms)."""
    words = (q or "").lower().split()
    if not words:
        return True
    text = searchable_text(dataset)
    return all(word in text for word in words)


def formats_of(dataset):
    return {resource.format for resource in dataset.resources.all()}


def tags_of(dataset):
    return {tag.name for tag in dataset.tags.all()}


def filter_datasets(datasets, *, q="", organization=None, topic=None, res_format=None, year=None, tags=()):
    """The datasets matching every given criterion, in their order."""
    return [
        dataset
        for dataset in datasets
        if matches_text(dataset, q)
        and (not organization or (dataset.opd and dataset.opd.slug == organization))
        and (not topic or dataset.topic == topic)
        and (not res_format or res_format.upper() in formats_of(dataset))
        and (not year or dataset.year == year)
        and all(tag in tags_of(dataset) for tag in tags)
    ]
