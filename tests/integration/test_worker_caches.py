"""The production profile for real: two gunicorn workers and Redis; no worker shows stale content.

Each worker keeps menus, branding, the sites and its routing roots in memory
(``portal.core.performance.KeptPerWorker``) until a shared version in Redis changes, and that version
changes on commit. Here the Web Developer (superuser) publishes, renames, moves and
unpublishes a page and edits the menus and the branding through the admin (this process,
Django's test client, the same PostgreSQL and Redis). Both workers read the public pages while
each change's transaction is still open, then, once it is committed, every read (straight from
gunicorn, Varnish bypassed) must show it. Runs in the PostgreSQL pass.
"""

import re
import secrets
import subprocess
import sys

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, TransactionTestCase, override_settings

from home.models import StandardPage
from opd.tests.factories import TEST_PASSWORD, make_opd
from tests.admin import create_page, edit_page, stream
from tests.integration.services import (
    DEPLOY,
    REPO,
    Service,
    database_url,
    free_port,
    require_binary,
    require_postgresql,
)
from tests.transactional import KeepsMigratedData

HOST = "dinkes.ketapangkab.localhost"
READS_PER_CHECK = 12  # fresh connections: gunicorn's two workers take turns accepting them
ROUNDS = 2


class WorkerCachesTests(KeepsMigratedData, TransactionTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        require_postgresql()
        redis_server = require_binary("redis-server")
        redis_port, app_port = free_port(), free_port()
        cls.redis = Service(
            "redis", [redis_server, "--port", redis_port, "--bind", "127.0.0.1", "--save", ""]
        )
        cls.redis.start(wait_port=redis_port)
        cls.addClassCleanup(cls.redis.stop)
        # The admin (this process) and the workers share the cache, as in production.
        shared = {
            "BACKEND": "portal.core.cache.PortalRedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis_port}/0",
            "KEY_PREFIX": "portal",
        }
        cache_override = override_settings(CACHES={**settings.CACHES, "default": shared})
        cache_override.enable()
        cls.addClassCleanup(cache_override.disable)

        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": database_url(),
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "WAGTAILADMIN_BASE_URL": f"https://{HOST}",
            "DJANGO_STATIC_ROOT": str(cls.redis.workdir / "static"),
            "DJANGO_MEDIA_ROOT": str(cls.redis.workdir / "media"),
            "GUNICORN_BIND": f"127.0.0.1:{app_port}",
            "GUNICORN_WORKERS": "2",
            # The worker's pid in the access log: both workers must have answered.
            "GUNICORN_CMD_ARGS": "--access-logformat 'pid=%(p)s %(r)s %(s)s'",
        }
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=REPO, check=True
        )
        cls.gunicorn = Service(
            "gunicorn",
            [sys.executable, "-m", "gunicorn", "-c", DEPLOY / "gunicorn.conf.py"],
            env=env,
            cwd=REPO,
        )
        cls.gunicorn.start(wait_port=app_port)
        cls.addClassCleanup(cls.gunicorn.stop)
        cls.base = f"http://127.0.0.1:{app_port}"

    def setUp(self):
        self.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        self.profile = StandardPage(title="Profil", slug="profil")
        self.dinkes.site.root_page.add_child(instance=self.profile)
        self.profile.save_revision().publish(skip_permission_checks=True)
        developer = get_user_model().objects.create_superuser(
            "pengembang", "pengembang@ketapangkab.go.id", TEST_PASSWORD
        )
        self.admin = Client(headers={"host": HOST})
        self.assertTrue(self.admin.login(username=developer.username, password=TEST_PASSWORD))

    def read(self, path):
        """One public read straight from gunicorn, on a fresh connection."""
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Connection": "close"}
        return requests.get(f"{self.base}{path}", headers=headers, timeout=15, allow_redirects=False)

    def while_reading(self, change, *paths):
        """Run an admin change in a transaction held open while both workers read the public
        pages (filling their memory, as visitors would, before the change is committed: a
        version published before the commit would be read here with the old rows)."""
        with transaction.atomic():
            result = change()
            for path in ("/", *paths):
                for _ in range(READS_PER_CHECK):
                    self.read(path)
        return result

    def assert_every_read(self, path, status=200, shows=(), hides=(), location=None):
        for attempt in range(READS_PER_CHECK):
            response = self.read(path)
            where = f"{path}, read {attempt + 1}"
            self.assertEqual(response.status_code, status, where)
            if location is not None:
                self.assertTrue(response.headers["Location"].endswith(location), where)
            for text in shows:
                self.assertIn(text, response.text, f"stale: {where} lacks {text!r}")
            for text in hides:
                self.assertNotIn(text, response.text, f"stale: {where} still shows {text!r}")

    def set_menu(self, page):
        item = {"label": "", "page": page.pk, "url": "", "children": {"count": "0"}}
        data = {**stream("main_menu", [("item", item)]), "footer_links-count": "0", "quick_links-count": "0"}
        response = self.admin.post(f"/admin/settings/navigation/sitenavigation/{self.dinkes.site.pk}/", data)
        self.assertEqual(response.status_code, 302, response.content[:2000])

    def set_official_name(self, name):
        url = f"/admin/settings/opd/sitebranding/{self.dinkes.site.pk}/"
        data = {"official_name": name, "short_name": "", "accent_colour": "#0b5394"}
        response = self.admin.post(url, data)
        self.assertEqual(response.status_code, 302, response.content[:2000])

    def test_no_worker_serves_stale_menus_branding_or_routes_after_an_admin_change(self):
        for round_number in range(1, ROUNDS + 1):
            self.change_and_read(round_number)
        workers = set(re.findall(r"pid=<?(\d+)>? GET", self.gunicorn.log_path.read_text(errors="replace")))
        self.assertEqual(len(workers), 2, f"both workers must have answered\n{self.gunicorn.log()}")

    def change_and_read(self, round_number):
        home = self.dinkes.site.root_page.specific
        title, slug = f"Layanan {round_number}", f"layanan-{round_number}"
        self.assert_every_read("/")  # both workers keep this round's menus and branding

        response = self.while_reading(
            lambda: create_page(
                self.admin, home, StandardPage, {"title": title, "slug": slug}, "action-publish"
            )
        )
        self.assertEqual(response.status_code, 302)
        page = StandardPage.objects.get(slug=slug)
        self.assert_every_read(f"/{slug}/", shows=[f"<h1>{title}</h1>"])

        self.while_reading(lambda: self.set_menu(page))
        self.assert_every_read("/", shows=[f'<a href="/{slug}/">{title}</a>'])

        renamed = f"{title} Terpadu"
        self.while_reading(
            lambda: edit_page(self.admin, page, {"title": renamed}, "action-publish"), f"/{slug}/"
        )
        self.assert_every_read("/", shows=[f'<a href="/{slug}/">{renamed}</a>'], hides=[f">{title}</a>"])

        moved = self.while_reading(
            lambda: self.admin.post(f"/admin/pages/{page.pk}/move/{self.profile.pk}/confirm/"),
            f"/{slug}/",
            f"/profil/{slug}/",
        )
        self.assertEqual(moved.status_code, 302)
        self.assert_every_read("/", shows=[f'<a href="/profil/{slug}/">{renamed}</a>'])
        self.assert_every_read(f"/profil/{slug}/", shows=[f"<h1>{renamed}</h1>"])
        # Wagtail leaves a redirect from the old address (a worker's old route would answer 200).
        self.assert_every_read(f"/{slug}/", status=301, location=f"/profil/{slug}/")

        official = f"Dinas Kesehatan Putaran {round_number}"
        self.while_reading(lambda: self.set_official_name(official))
        self.assert_every_read("/", shows=[official])

        unpublished = self.while_reading(
            lambda: self.admin.post(f"/admin/pages/{page.pk}/unpublish/"), f"/profil/{slug}/"
        )
        self.assertEqual(unpublished.status_code, 302)
        self.assert_every_read(f"/profil/{slug}/", status=404)
