"""Expired announcements stay out of the portal's search results."""

from wagtail import hooks

from .models import AnnouncementPage


@hooks.register("filter_public_search_results")
def leave_out_expired_announcements(pages):
    return pages.exclude(pk__in=list(AnnouncementPage.objects.expired().values_list("pk", flat=True)))
