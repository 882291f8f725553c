"""The status a legal product's relations give it: a live product that *mencabut* another makes
it dicabut, one that *mengubah* it makes it diubah (unless it is already dicabut).

Applied when a product that points at others is published or unpublished (to the others, at
once, without a new revision of theirs) and whenever a product is saved (so a later revision of
a revoked product cannot bring it back to berlaku while the revoking product is live).
"""

from wagtail.models import Page

from news.library.models import DocumentStatus
from opd.media_library.models import InformationClass
from portal.page_cache.purge import on_publish_change

from .models import STATUS_STRENGTH, LegalProductPage, LegalProductRelation, RelationKind

GIVES = {RelationKind.MENCABUT: DocumentStatus.DICABUT, RelationKind.MENGUBAH: DocumentStatus.DIUBAH}


def strongest(*statuses):
    return max(statuses, key=lambda status: STATUS_STRENGTH.get(status, 0))


def status_from_relations(product):
    """The status the live products pointing at ``product`` give it (berlaku if none)."""
    kinds = set(
        LegalProductRelation.objects.filter(target_id=product.pk, product__live=True)
        .exclude(product_id=product.pk)
        .values_list("kind", flat=True)
    )
    return strongest(DocumentStatus.BERLAKU, *(GIVES[kind] for kind in kinds if kind in GIVES))


def status_with_relations(product, own_status):
    """The stronger of the status the editors gave and the one its relations give."""
    return strongest(own_status, status_from_relations(product))


def editors_status(product):
    """The status in the product's own latest revision (what its editors set)."""
    revision = product.get_latest_revision()
    if revision is not None:
        return revision.content.get("status", product.status)
    return product.status


def refresh_targets(product):
    """Bring every product ``product`` points at to the status its live relations give it."""
    targets = LegalProductPage.objects.filter(pk__in=product.relations.values("target_id")).exclude(
        pk=product.pk
    )
    for target in targets:
        status = status_with_relations(target, editors_status(target))
        if status != target.status:
            # The live row only: the target keeps its revisions, its editors' word (see save()).
            LegalProductPage.objects.filter(pk=target.pk).update(status=status)
            target.status = status
            if target.live:
                on_publish_change(LegalProductPage, instance=Page.objects.get(pk=target.pk))


def classify_document(product):
    """A published product's PDF is public information available at any time (UU 14/2008
    art. 11): it joins the PPID's Daftar Informasi Publik unless already classified."""
    document = product.document
    if document is not None and not document.information_class:
        document.information_class = InformationClass.SETIAP_SAAT
        document.save(update_fields=["information_class"])


def on_product_published(sender, instance, **kwargs):
    refresh_targets(instance)
    classify_document(instance)


def on_product_unpublished(sender, instance, **kwargs):
    refresh_targets(instance)
