"""Set-up shared by the whole test suite."""

import pytest
from django.conf import settings


def pytest_sessionstart(session):
    """Compile the translation catalogues if ``make messages`` has not (the .mo files are not in git).

    A test that renders the admin in Indonesian would otherwise see Wagtail's own, partly
    English, catalogues. Compiling is quick, and skipped when every .mo is newer than its .po.
    """
    from portal.catalogues.compile import compile_catalogues, forget_loaded_translations

    if compile_catalogues(settings.LOCALE_PATHS, only_stale=True):
        forget_loaded_translations()


@pytest.fixture(autouse=True)
def _fresh_site_settings():
    """What workers keep in memory (portal.core.site_settings, portal.core.performance), and the versions and
    fragments in Django's cache, must not outlive a test's rollback. The cache is emptied rather
    than its versions bumped: a version bumped inside the test's transaction would only be
    published on a commit that never comes (``portal.core.performance.new_version``)."""
    from django.core.cache import cache

    from portal.core.performance import forget_all

    cache.clear()
    forget_all()
    yield
    cache.clear()
    forget_all()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language (Indonesian).

    A request handled by the test client leaves its language active in the thread; without this
    a validation message could come out in English only because an English page was served by
    the test that happened to run before (seen on PostgreSQL in random order).
    """
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
