"""Set-up shared by the whole test suite."""

from django.conf import settings


def pytest_sessionstart(session):
    """Compile the translation catalogues if ``make messages`` has not (the .mo files are not in git).

    A test that renders the admin in Indonesian would otherwise see Wagtail's own, partly
    English, catalogues. Compiling is quick, and skipped when every .mo is newer than its .po.
    """
    from catalogues.compile import compile_catalogues, forget_loaded_translations

    if compile_catalogues(settings.LOCALE_PATHS, only_stale=True):
        forget_loaded_translations()
