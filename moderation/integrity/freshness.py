"""How fresh each OPD's site is: last news, pages left unreviewed, broken internal links."""

from datetime import timedelta

from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from moderation.page_types import news_page_model

from .models import Finding

STALE_AFTER = timedelta(days=365)


def freshness_rows(opds, now=None):
    """One row per OPD, in a fixed number of queries whatever the number of OPDs and pages."""
    now = now or timezone.now()
    root_path = OuterRef("site__root_page__path")
    last_news = (
        news_page_model()
        .objects.live()
        .filter(path__startswith=root_path)
        .order_by()
        .values("live")
        .annotate(latest=Max("last_published_at"))
        .values("latest")
    )
    stale = (
        Page.objects.live()
        .filter(path__startswith=root_path, last_published_at__lt=now - STALE_AFTER)
        .order_by()
        .values("live")
        .annotate(count=Count("pk"))
        .values("count")
    )
    rows = (
        opds.select_related("site")
        .annotate(
            last_news_at=Subquery(last_news),
            stale_pages=Coalesce(Subquery(stale, output_field=IntegerField()), 0),
            broken_links=Count(
                "integrity_findings",
                filter=Q(
                    integrity_findings__kind=Finding.Kind.BROKEN_LINK,
                    integrity_findings__resolved_at__isnull=True,
                ),
                distinct=True,
            ),
        )
        .order_by("-is_portal", "name")
    )
    for row in rows:
        row.days_since_news = (now - row.last_news_at).days if row.last_news_at else None
    return rows
