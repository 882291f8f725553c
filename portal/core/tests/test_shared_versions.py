"""What workers keep in memory is dropped when, and only when, the change is committed.

``portal.core.performance.new_version`` publishes the new version of a kept answer in
``transaction.on_commit``; another worker that read it earlier would fill its memory with the
old rows under the new version. The cross-process test runs a real second process (a
management command) against the cache the install uses without Redis (files, base.py).
"""

import os
import subprocess
import sys
import tempfile
import threading
from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import TestCase, TransactionTestCase, override_settings
from django.utils import timezone

from home.models import StandardPage
from home.navigation.models import SiteNavigation
from opd.models import SiteBranding
from opd.tests.factories import make_opd
from portal.core.performance import KeptPerWorker
from portal.core.site_settings import VERSION_KEY
from tests.content import publish
from tests.integration.services import REPO, database_url, require_postgresql
from tests.transactional import KeepsMigratedData

HOST = "dinkes.ketapangkab.localhost"


def menu_linking_to(page):
    return [("item", {"label": "", "page": page, "url": "", "children": []})]


def home(client):
    return client.get("/", headers={"host": HOST}).content.decode()


class VersionsPublishedOnCommitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.profile = publish(cls.dinkes.site.root_page, StandardPage(title="Profil Dinas", slug="profil"))
        navigation = SiteNavigation.for_site(cls.dinkes.site)
        navigation.main_menu = menu_linking_to(cls.profile)
        navigation.save()

    def test_other_workers_see_the_new_version_only_once_the_publication_is_committed(self):
        self.assertIn(">Profil Dinas</a>", home(self.client))
        shared_before = cache.get(VERSION_KEY)
        with self.captureOnCommitCallbacks() as callbacks:
            self.profile.title = "Profil dan Struktur"
            self.profile.save_revision().publish(skip_permission_checks=True)
            # Not committed yet: what every other worker reads is still the old version...
            self.assertEqual(cache.get(VERSION_KEY), shared_before)
        # ...while this transaction's own requests already show the change.
        self.assertIn(">Profil dan Struktur</a>", home(self.client))
        for callback in callbacks:
            callback()
        self.assertNotEqual(cache.get(VERSION_KEY), shared_before)
        self.assertIn(">Profil dan Struktur</a>", home(self.client))

    def test_a_change_rolled_back_leaves_the_kept_settings_as_they_were(self):
        branding = SiteBranding.for_site(self.dinkes.site)
        branding.short_name = "Dinkes Lama"
        branding.save()
        self.assertIn("Dinkes Lama", home(self.client))
        try:
            with transaction.atomic():
                branding.short_name = "Dinkes Batal"
                branding.save()
                self.assertIn("Dinkes Batal", home(self.client))
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        page = home(self.client)
        self.assertIn("Dinkes Lama", page)
        self.assertNotIn("Dinkes Batal", page)

    def test_each_request_gets_its_own_copy_of_the_kept_settings(self):
        first = SiteNavigation.for_site(self.dinkes.site)
        first.main_menu = []  # what one request does to its copy...
        first.cached_for_this_request = True
        second = SiteNavigation.for_site(self.dinkes.site)
        self.assertEqual(len(second.main_menu), 1)  # ...no other request sees
        self.assertFalse(hasattr(second, "cached_for_this_request"))
        with self.assertNumQueries(0):  # the copy keeps the resolved menu pages
            self.assertEqual(second.main_menu[0].value["page"].title, "Profil Dinas")


class KeptPerWorkerThreadTests(TestCase):
    def test_a_store_keeps_no_more_than_its_bound_and_still_answers_beyond_it(self):
        store = KeptPerWorker()
        generation = store.at("v1")
        with mock.patch("portal.core.performance.MAX_KEPT_PER_STORE", 3):
            answers = [generation.kept(key, lambda key=key: key * 10) for key in range(5)]
            computed = []
            self.assertEqual(generation.kept(4, lambda: computed.append(4) or 40), 40)
        self.assertEqual(answers, [0, 10, 20, 30, 40])
        self.assertEqual(sorted(generation), [0, 1, 2])
        self.assertEqual(computed, [4])  # beyond the bound: computed again, never kept

    def test_an_answer_computed_for_an_old_version_never_lands_in_the_new_one(self):
        """Thread A reads version 1 and computes slowly; thread B reads version 2 meanwhile.
        A's old answer must not be what version 2 hands out (GUNICORN_THREADS above 1)."""
        store = KeptPerWorker()
        a_computing, b_done = threading.Event(), threading.Event()

        def slow_old_answer():
            a_computing.set()
            b_done.wait(5)
            return "old rows"

        def thread_a():
            store.at("v1").kept("menu", slow_old_answer)

        worker = threading.Thread(target=thread_a)
        worker.start()
        a_computing.wait(5)
        self.assertEqual(store.at("v2").kept("menu", lambda: "new rows"), "new rows")
        b_done.set()
        worker.join(5)
        self.assertEqual(store.at("v2").kept("menu", lambda: "recomputed"), "new rows")


@override_settings(CACHES={"default": settings.CACHES["default"]})
class CommandInAnotherProcessTests(KeepsMigratedData, TransactionTestCase):
    """``make run`` without Redis: a page published by a command (cron's publish_scheduled)
    reaches the running server's menus at its next request."""

    def setUp(self):
        require_postgresql()  # the second process needs the same database (SQLite's is in memory)
        self.cache_dir = tempfile.mkdtemp(prefix="portal-cache-")
        # The cache base.py gives every profile without Redis.
        files = override_settings(
            CACHES={
                "default": {
                    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                    "LOCATION": self.cache_dir,
                }
            }
        )
        files.enable()
        self.addCleanup(files.disable)
        self.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        self.profile = publish(self.dinkes.site.root_page, StandardPage(title="Profil Dinas", slug="profil"))
        navigation = SiteNavigation.for_site(self.dinkes.site)
        navigation.main_menu = menu_linking_to(self.profile)
        navigation.save()

    def test_a_page_published_by_publish_scheduled_shows_in_the_next_request(self):
        self.profile.title = "Profil dan Struktur"
        revision = self.profile.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
        self.assertIsNotNone(revision.approved_go_live_at)
        self.assertIn(">Profil Dinas</a>", home(self.client))  # kept in this process's memory now

        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": database_url(),
            "DJANGO_CACHE_DIR": self.cache_dir,
        }
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "publish_scheduled"], env=env, cwd=REPO, check=True, timeout=120
        )

        page = home(self.client)
        self.assertIn(">Profil dan Struktur</a>", page)
        self.assertNotIn(">Profil Dinas</a>", page)
