"""What make bench measures, and the in-process parts (query counts, admin session, publishing).

Runs in bench/run.py's process after django.setup() with the benchmark's production settings.
"""

import time
import urllib.error
import urllib.request
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo.benchdata.management.commands.seed_bench import RARE_WORD


def public_pages(domain):
    """(name, host, path) of every public page in the benchmark."""
    opd = f"opd01.{domain}"
    from news.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.get(url_path__endswith="/opd01/berita/")
    article = NewsPage.objects.live().child_of(index).order_by("-date", "-pk")[:101]
    article = list(article)[-1]
    return [
        ("portal home (all OPDs)", domain, "/"),
        ("OPD home", opd, "/"),
        ("news list, page 1", opd, "/berita/"),
        ("news list, page 200", opd, "/berita/?halaman=200"),
        ("news detail", opd, article.url_path.removeprefix("/opd01")),
        ("category list", opd, "/berita/?kategori=kesehatan"),
        ("agenda", opd, "/agenda/"),
        ("documents, filtered", opd, "/dokumen/?jenis=perda&tahun=2015"),
        ("search, common word", opd, "/cari/?q=pelayanan"),
        ("search, rare word", opd, f"/cari/?q={RARE_WORD}"),
        ("search, whole portal", domain, "/cari/?q=pelayanan"),
        ("RSS feed", opd, "/berita/rss/"),
        ("Atom feed", opd, "/berita/atom/"),
        ("sitemap", opd, "/sitemap.xml"),
        *found_pages(opd),
    ]


# Every other public page type, when the benchmark database has one in opd01: (row name, model
# label, what to add to the page's URL). Later features' lists join here (issue 25: the bench
# covers every page a citizen reads), and a database without them simply has fewer rows.
OTHER_PAGES = [
    ("announcement list", "announcements.AnnouncementIndexPage", ""),
    ("announcement detail", "announcements.AnnouncementPage", ""),
    ("agenda detail", "events.EventPage", ""),
    ("agenda past", "events.EventIndexPage", "lalu/"),
    ("document detail", "library.DocumentPage", ""),
    ("gallery list", "gallery.GalleryIndexPage", ""),
    ("gallery detail", "gallery.GalleryPage", ""),
    ("PPID DIP", "ppid.PPIDPage", "dip/"),
    ("JDIH list", "jdih.LegalProductIndexPage", ""),
    ("JDIH detail", "jdih.LegalProductPage", ""),
    ("dataset list", "opendata.DatasetIndexPage", ""),
    ("dataset detail", "opendata.DatasetPage", ""),
]

# Pages that are views rather than page types: (row name, app label, path on an OPD site).
OTHER_VIEWS = [
    ("SKM form", "skm", "/skm/"),
    ("SKM results list", "skm", "/skm/hasil/"),
    ("alerts JSON", "alerts", "/peringatan.json"),
    ("alerts RSS feed", "alerts", "/peringatan/rss/"),
]


def found_pages(host, site_slug="opd01"):
    """Rows of OTHER_PAGES for the newest live page of each type in one OPD's site."""
    from django.apps import apps

    rows = []
    for name, label, suffix in OTHER_PAGES:
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        page = (
            model.objects.live()
            .filter(url_path__startswith=f"/{site_slug}/", locale__language_code="id")
            .order_by("-first_published_at", "-pk")
            .first()
        )
        if page is not None:
            rows.append((name, host, page.url_path.removeprefix(f"/{site_slug}") + suffix))
    rows += [(name, host, path) for name, label, path in OTHER_VIEWS if label in apps.app_configs]
    return rows


def count_queries(host, path, client=None):
    """(SQL queries of the second request, status): the first warms renditions and caches."""
    client = client or Client()
    client.get(path, headers={"host": host})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers={"host": host})
    return len(queries), response.status_code


def session(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client, f"sessionid={client.cookies['sessionid'].value}"


def admin_pages(domain, wanted=lambda name: True):
    """(name, path, cookie, warm queries, status) of the admin pages in the benchmark."""
    from news.models import NewsIndexPage

    index = NewsIndexPage.objects.get(url_path__endswith="/opd01/berita/")
    today = timezone.localdate()
    year_ago = today - timedelta(days=365)
    host = f"opd01.{domain}"
    pages = [
        ("Editor dashboard (200 waiting)", "editor.opd01", "/admin/"),
        (
            "mutu baku report, a year, all OPDs",
            "developer",
            f"/admin/laporan/mutu-baku/?start={year_ago}&end={today}",
        ),
        (
            "mutu baku report, a year, one OPD",
            "redaktur.opd01",
            f"/admin/laporan/mutu-baku/?start={year_ago}&end={today}",
        ),
        (f"page explorer ({index.numchild} pages)", "editor.opd01", f"/admin/pages/{index.pk}/"),
    ]
    rows = []
    for name, username, path in pages:
        if not wanted(name):
            continue
        client, cookie = session(username)
        queries, status = count_queries(host, path, client)
        rows.append((name, path, cookie, queries, status))
    return rows


def publish_and_time(varnish_url, host):
    """Seconds from the final SOP approval until Varnish serves the news list with the new title."""
    from news.models import NewsIndexPage, NewsPage
    from opd.roles import Role

    people = {role: get_user_model().objects.get(username=f"{role.value}.opd01") for role in Role}
    index = NewsIndexPage.objects.get(url_path__endswith="/opd01/berita/")
    title = f"Berita benchmark {int(time.time())}"

    def listed():
        request = urllib.request.Request(f"{varnish_url}/berita/", headers={"Host": host})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                return title in response.read().decode()
        except urllib.error.HTTPError:
            return False

    listed()  # cached now, without the new article
    page = NewsPage(title=title, lead="Uji terbit.", body=[("paragraph", "<p>Uji.</p>")])
    page.live = False
    page.owner = people[Role.PENULIS]
    index.add_child(instance=page)
    page.save_revision(user=people[Role.PENULIS])
    state = page.get_workflow().start(page, people[Role.PENULIS])
    for role in (Role.EDITOR, Role.REDAKTUR):
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, people[role], "approve")
        state.refresh_from_db()
    assert not listed(), "the unpublished article must not be listed yet"
    task_state = state.current_task_state
    started = time.monotonic()
    task_state.task.specific.on_action(task_state, people[Role.WEBADMIN], "approve")
    while not listed():
        if time.monotonic() - started > 30:
            return float("inf")
        time.sleep(0.01)
    return time.monotonic() - started
