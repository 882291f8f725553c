"""Expired announcements stay out of the portal's search results."""

from wagtail import hooks

from .models import AnnouncementPage


@hooks.register("filter_public_search_results")
def leave_out_expired_announcements(pages):
    # A subquery: the database leaves them out, without their ids travelling through Python.
    return pages.exclude(pk__in=AnnouncementPage.objects.expired().values("pk"))
