"""Debian's Chromium driven by Playwright, for the browser tests (tests/test_browser_public_site.py).

Locally the browser tests are skipped, with a message saying why, when Chromium or Playwright
is missing (``make test`` installs Chromium when it can). ``.ci/run`` sets
``PORTAL_REQUIRE_BROWSER=1``, which turns a missing browser into a failure: CI never skips them.
"""

import contextlib
import os
import unittest
from pathlib import Path

from django.conf import settings

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    # Every *.localhost name is this machine (Chromium knows it; this makes it certain for IPv4).
    "--host-resolver-rules=MAP *.localhost 127.0.0.1",
]
# Where each page is photographed at each width, for a person to look at (git-ignored; README).
SCREENSHOTS = Path(os.environ.get("PORTAL_SCREENSHOTS_DIR", settings.BASE_DIR / "tests" / "screenshots"))

# (name, viewport, phone or tablet with a touch screen)
WIDTHS = [
    ("360x740", {"width": 360, "height": 740}, True),
    ("768x1024", {"width": 768, "height": 1024}, True),
    ("1366x768", {"width": 1366, "height": 768}, False),
]


def missing_browser():
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import axe_playwright_python  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError as error:
        return f"Playwright or axe-playwright-python is not installed ({error}); run make install"
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is missing; install Debian's Chromium (apt-get install chromium)"
    return None


def skip_or_fail_without_browser():
    """Skip with the reason, or fail when PORTAL_REQUIRE_BROWSER=1 (CI)."""
    reason = missing_browser()
    if reason is None:
        return
    if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"Browser tests required (PORTAL_REQUIRE_BROWSER=1) but cannot run: {reason}")
    raise unittest.SkipTest(f"Browser tests skipped: {reason}")


def launch():
    """(playwright, browser): one headless Chromium, to be shared by a whole test class.

    Playwright's synchronous API keeps an asyncio loop running in this thread. Django's
    connections are context-local there, so the test would get fresh database connections
    without the test database's saved state (serialized_rollback); it keeps the ones it had.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    before = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    for alias, connection in before.items():
        connections[alias] = connection
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception:
        playwright.stop()
        raise
    return playwright, browser


@contextlib.contextmanager
def allow_orm_beside_playwright():
    """Let Django's ORM run in the thread where Playwright's sync API keeps its event loop."""
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield
    finally:
        if before is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


class PageWatcher:
    """Collects what a page reports as going wrong: console errors, script errors, failed requests."""

    def __init__(self, page):
        self.problems = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on("requestfailed", lambda request: self.problems.append(f"request failed: {request.url}"))
        page.on("response", self._response)

    def _console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _response(self, response):
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def take(self):
        problems, self.problems = self.problems, []
        return problems


def serious_violations(page):
    """axe-core's violations of impact serious or critical on the page, as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                    for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]  # fmt: skip


def sideways_scroll(page):
    """How many pixels the page is wider than the window (0 when it fits)."""
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


def assert_no_sideways_scroll(page, where=""):
    """Fail when the page is wider than the window (a reader would have to scroll sideways)."""
    overflow = sideways_scroll(page)
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px {where}: {page.url}"


def assert_page_is_sound(testcase, page, watcher, where=""):
    """No console or script error, no HTTP status >= 400 (page or sub-resource), no sideways scroll."""
    page.wait_for_load_state("networkidle")
    testcase.assertEqual(watcher.take(), [], f"problems {where}: {page.url}")
    assert_no_sideways_scroll(page, where)


def follow_main_menu(page, text, parent=None):
    """Click the main menu's entry ``text`` (in the submenu of ``parent`` if given) as a visitor
    would: on a small screen the menu opens with its button first; a submenu opens on hover
    or focus on a desktop and is always unfolded in the opened small-screen menu."""
    toggle = page.locator("button.menu-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    menu = page.locator("#menu-utama")
    if parent is not None:
        top = menu.locator(":scope > ul > li", has=page.locator(":scope > a", has_text=parent))
        top.locator(":scope > a").hover()
        link = top.locator(".submenu a", has_text=text).first
        if not link.is_visible():
            top.locator(":scope > a").focus()
    else:
        link = menu.locator(":scope > ul > li > a", has_text=text).first
    with page.expect_navigation():
        link.click()
