"""Set-up shared by the whole test suite."""

import pytest
from django.conf import settings


def pytest_sessionstart(session):
    """Compile the translation catalogues if ``make messages`` has not (the .mo files are not in git).

    A test that renders the admin in Indonesian would otherwise see Wagtail's own, partly
    English, catalogues. Compiling is quick, and skipped when every .mo is newer than its .po.
    """
    from catalogues.compile import compile_catalogues, forget_loaded_translations

    if compile_catalogues(settings.LOCALE_PATHS, only_stale=True):
        forget_loaded_translations()


@pytest.fixture(autouse=True)
def _fresh_site_settings():
    """What workers keep in memory (core.site_settings, core.performance) must not outlive a
    test's rollback."""
    from core.performance import forget_all
    from core.site_settings import forget

    forget()
    forget_all()
    yield
    forget()
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
