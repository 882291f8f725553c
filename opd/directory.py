"""Which OPD a page belongs to, for lists that gather pages from every site at once.

The regency portal's "Berita OPD", its home page and the portal-wide search show pages
of many sites, each labelled with its OPD. ``OPDDirectory`` loads every OPD and the tree
paths of its home pages (Indonesian and translations) in two queries, then answers
"whose page is this?" from the page's path alone, so a list costs the same number of
queries whatever the number of OPDs or pages.
"""

import copy
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page

from portal.core.performance import kept_per_worker
from portal.core.site_settings import current_version

from .models import OPD

_shared = kept_per_worker()

# Home pages sit at depth 2; the first two steps of a page's path name its home page.
HOME_DEPTH = 2


class OPDDirectory:
    """Every OPD keyed by the tree path of each of its home pages (one per language)."""

    def __init__(self, opds=None):
        opds = list(opds if opds is not None else OPD.objects.select_related("site__root_page"))
        by_key = {opd.site.root_page.translation_key: opd for opd in opds}
        homes = Page.objects.filter(depth=HOME_DEPTH, translation_key__in=by_key).values_list(
            "path", "translation_key"
        )
        self._opds = tuple(opds)
        self._by_path = {path: by_key[key] for path, key in homes}
        # When every site's home page is an OPD's (the usual install), "every OPD" needs no
        # filter on forty path prefixes: anything below the home pages will do, and the
        # database can walk its date index instead of testing each prefix.
        self._covers_every_site = not (
            Page.objects.filter(depth=HOME_DEPTH).exclude(path__in=list(self._by_path)).exists()
        )

    @classmethod
    def shared(cls):
        """The directory kept in this worker's memory, rebuilt when the public content version
        changes (a Site, an OPD or the page tree changed: ``portal.core.site_settings``)."""
        return _shared.at(current_version()).kept("directory", cls)

    @property
    def opds(self):
        """Every OPD, each a copy: the directory is shared by the requests of a worker."""
        return [copy.copy(opd) for opd in self._opds]

    def opd_for(self, page):
        """The OPD whose site holds the page (None for a page outside every OPD's site); a copy."""
        opd = self._by_path.get(page.path[: Page.steplen * HOME_DEPTH])
        return copy.copy(opd) if opd is not None else None

    def pages_q(self, opds=None):
        """A filter for pages inside the sites of these OPDs (every OPD by default)."""
        if opds is None and self._covers_every_site and self._by_path:
            return Q(depth__gt=HOME_DEPTH)
        wanted = None if opds is None else {opd.pk for opd in opds}
        paths = [path for path, opd in self._by_path.items() if wanted is None or opd.pk in wanted]
        if not paths:
            return Q(pk__in=[])
        return reduce(or_, (Q(path__startswith=path) for path in paths))

    def label(self, pages):
        """Set ``page.opd`` on each page and return them as a list."""
        pages = list(pages)
        copies = {}
        for page in pages:
            opd = self._by_path.get(page.path[: Page.steplen * HOME_DEPTH])
            page.opd = None if opd is None else copies.setdefault(opd.pk, copy.copy(opd))
        return pages
