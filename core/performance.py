"""Wagtail lookups repeated within one request, answered once. Installed by ``CoreConfig.ready()``.

- ``Locale.objects.get_for_language``: every page link that follows the visitor's language
  (``page.localized``: menus, lists, the language switcher) asks for the active locale again;
  a page with a menu of ten links asked twenty times. Answers are kept for the current
  request only (cleared when a request starts and whenever a locale is saved or deleted).
- ``PagePermissionTester.can_delete``: for a reviewer without the publish permission (every
  SOP role), Wagtail asks the database whether a page or one of its descendants is live, for
  every row of the page explorer (its "Pindahkan" and "Hapus" buttons). For a page without
  children the page itself answers.
"""

from django.core.signals import request_started
from django.db.models.signals import post_delete, post_save
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, LocaleManager, PagePermissionTester

_locales = {}


def _forget_locales(**kwargs):
    _locales.clear()


def get_for_language(self, language_code):
    code = get_supported_content_language_variant(language_code)
    if code not in _locales:
        _locales[code] = self.get(language_code=code)
    return _locales[code]


class LeafAwarePagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if (
            self.page.numchild == 0
            and self.user.is_active
            and not self.user.is_superuser
            and not self.page_is_root
            and "change" in self.permissions
            and "publish" not in self.permissions
        ):
            # Wagtail's answer (no live page among the page and its descendants), without its query.
            return not self.page.live
        return super().can_delete(ignore_bulk=ignore_bulk)


def install():
    from wagtail.models import pages

    LocaleManager.get_for_language = get_for_language
    pages.PagePermissionTester = LeafAwarePagePermissionTester
    request_started.connect(_forget_locales, dispatch_uid="core.performance.locales.request")
    post_save.connect(_forget_locales, sender=Locale, dispatch_uid="core.performance.locales.save")
    post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="core.performance.locales.delete")
