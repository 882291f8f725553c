"""The dashboard names the user's OPD and counts its pages.

Wagtail titles the dashboard after the site of the user's explorable root: the common ancestor
of every page they may touch. An OPD's home page and its English translation are two trees
under the root, so for every OPD member that ancestor is the root itself, which belongs to the
default site: Dinas Kesehatan's writer read "Portal Pemerintah Kabupaten Ketapang – 140
Halaman", the whole install's count.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Page, Site

from .models import OPD

_ATTR = "_portal_dashboard_opd"


def dashboard_opd(request):
    """The OPD the dashboard is about: the one of the request's host if the user belongs to it,
    else the user's first OPD (the Web Developer: the host's OPD). None when there is none."""
    if not hasattr(request, _ATTR):
        setattr(request, _ATTR, _find_dashboard_opd(request))
    return getattr(request, _ATTR)


def _find_dashboard_opd(request):
    site = Site.find_for_request(request)
    own = list(OPD.objects.for_user(request.user).select_related("site", "site__root_page"))
    for opd in own:
        if site is not None and opd.site_id == site.pk:
            return opd
    if request.user.is_superuser:
        return None  # Wagtail's own summary: the Web Developer looks after the whole install
    return own[0] if own else None


def opd_page_count(opd):
    """Pages of the OPD's site in every language, home pages included."""
    roots = opd.root_pages().values_list("path", flat=True)
    if not roots:
        return 0
    return Page.objects.filter(reduce(or_, (Q(path__startswith=path) for path in roots))).count()


class OPDPagesSummaryItem(PagesSummaryItem):
    """Wagtail's "N Halaman" summary, for the user's OPD site instead of the whole install."""

    def __init__(self, request, opd):
        super().__init__(request)
        self.opd = opd

    def get_context_data(self, parent_context):
        return {
            "root_page": self.opd.site.root_page,
            "total_pages": opd_page_count(self.opd),
            "site_name": self.opd.name,
        }


def _named_after(item, opd):
    """The summary item (images, documents: already counted per the user's collections) saying
    "dibuat di <OPD>" rather than the install's name, for screen readers."""
    counted = item.get_context_data

    def get_context_data(parent_context):
        return {**counted(parent_context), "site_name": opd.name}

    item.get_context_data = get_context_data
    return item


def scope_pages_summary(request, summary_items):
    """construct_homepage_summary_items: count the OPD's pages, not the install's."""
    opd = dashboard_opd(request)
    if opd is None:
        return
    summary_items[:] = [
        OPDPagesSummaryItem(request, opd) if type(item) is PagesSummaryItem else _named_after(item, opd)
        for item in summary_items
    ]
