"""PostgreSQL or Redis stopped under load, on the production profile (gunicorn behind Varnish).

gunicorn (production settings, 2 workers) runs behind Varnish (deploy/varnish/portal.vcl) against
a private PostgreSQL server started for these tests, holding a copy of the test database, and a
private Redis. Each test stops one of them for a few seconds while bounded loops of requests run,
and checks what the public receives during and after the outage:

- database away: cached pages come from Varnish (from grace once stale), uncached ones get the
  branded error page, which Varnish never stores; once it is back every page is 200 again
  within a few seconds, without restarting gunicorn;
- Redis away: every public page is still 200, straight from gunicorn and through Varnish.
"""

import re
import secrets
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.db import connection
from django.test import TransactionTestCase

from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.integration.services import (
    DEPLOY,
    REPO,
    Service,
    ThrowawayPostgreSQL,
    database_url,
    free_port,
    require_binary,
    require_postgresql,
    varnish,
)
from tests.transactional import KeepsMigratedData

DINKES = "dinkes.ketapangkab.localhost"
PASSWORD = "kata-sandi-gangguan-123"  # noqa: S105 - test only
# Varnish keeps pages this long, then serves them from grace while refreshing them: short, so
# that the outage meets stale copies and shows grace at work.
SHARED_CACHE_SECONDS = 2
REQUESTS_DURING = 24  # per outage, 4 at a time, each with a 5 s time-out
RECOVERY_ATTEMPTS = 80  # × 0.25 s: a generous bound (20 s); recovery takes about a second


def start_redis(port):
    redis_server = require_binary("redis-server")
    return Service("redis", [redis_server, "--port", port, "--bind", "127.0.0.1", "--save", ""]).start(
        wait_port=port
    )


class OutagesUnderLoadTests(KeepsMigratedData, TransactionTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        require_postgresql()
        pg_dump, pg_restore, psql = (
            require_binary(n, "postgresql-client") for n in ("pg_dump", "pg_restore", "psql")
        )
        cls.copy_test_data_to_a_private_postgresql(pg_dump, pg_restore, psql)

        cls.redis_port, app_port = free_port(), free_port()
        cls.redis = start_redis(cls.redis_port)
        cls.addClassCleanup(lambda: cls.redis.stop())
        cls.varnish, varnish_port, _purge = varnish(app_port)
        cls.addClassCleanup(cls.varnish.stop)
        files = Path(tempfile.mkdtemp(prefix="portal-outages-"))
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": cls.postgres.url(),
            "REDIS_URL": f"redis://127.0.0.1:{cls.redis_port}/0",
            "WAGTAILADMIN_BASE_URL": f"http://{DINKES}",
            "DJANGO_STATIC_ROOT": str(files / "static"),
            "DJANGO_MEDIA_ROOT": str(files / "media"),
            "GUNICORN_BIND": f"127.0.0.1:{app_port}",
            "GUNICORN_WORKERS": "2",
            "PORTAL_SHARED_CACHE_SECONDS": str(SHARED_CACHE_SECONDS),
            # Plain HTTP straight to Varnish (no nginx here): no HTTPS redirect, cookies over HTTP,
            # and a password login without the second factor.
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SECURE_COOKIES": "false",
            "PORTAL_REQUIRE_2FA": "false",
        }
        subprocess.run(  # noqa: S603
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
        cls.varnish_base = f"http://127.0.0.1:{varnish_port}"
        cls.gunicorn_base = f"http://127.0.0.1:{app_port}"

    @classmethod
    def copy_test_data_to_a_private_postgresql(cls, pg_dump, pg_restore, psql):
        """Two OPD sites and an editor, copied into a PostgreSQL server these tests may stop."""
        make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        make_opd("dinkes", "Dinas Kesehatan")
        editor = member(make_opd("dinkes"), Role.EDITOR)
        # Production keeps Django's default hashers; the test settings' MD5 would not log in.
        editor.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
        editor.save(update_fields=["password"])
        cls.editor_username = editor.username

        cls.postgres = ThrowawayPostgreSQL().init().start()
        cls.addClassCleanup(cls.postgres.cleanup)
        subprocess.run(
            [psql, cls.postgres.url("postgres"), "-qc", "CREATE DATABASE portal"], check=True, timeout=30
        )  # noqa: S603
        dump = subprocess.run(  # noqa: S603
            [pg_dump, "--format=custom", "--no-owner", database_url()],
            check=True,
            capture_output=True,
            timeout=60,
        ).stdout
        subprocess.run(
            [pg_restore, "--no-owner", "-d", cls.postgres.url()], input=dump, check=True, timeout=60
        )  # noqa: S603
        # Leave the test database as the tests expect it (TransactionTestCase's own flush).
        # reset_sequences=False: the flush command's default restarts PostgreSQL's sequences at 1,
        # and the reloaded root page, collection and locale keep their ids, so the next insert of
        # any later test would collide with them.
        call_command(
            "flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False
        )
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)

    def tearDown(self):
        # Whatever a test stopped runs again for the next one.
        if not self.postgres.running:
            self.postgres.start()
        if self.redis.process.poll() is not None:
            type(self).redis = start_redis(self.redis_port)
        super().tearDown()

    def get(self, path, base=None, session=None):
        try:
            return (session or requests).get(
                f"{base or self.varnish_base}{path}",
                headers={"Host": DINKES},
                timeout=5,
                allow_redirects=False,
            )
        except requests.RequestException:
            return None

    def until_ok(self, path, base=None, session=None):
        """The first 200 within a bounded number of attempts (None if none)."""
        for _ in range(RECOVERY_ATTEMPTS):
            response = self.get(path, base, session)
            if response is not None and response.status_code == 200:
                return response
            time.sleep(0.25)
        return None

    def under_load(self, paths, base=None):
        """Each path requested once, four at a time: {path: response or None}."""
        with ThreadPoolExecutor(max_workers=4) as pool:
            return dict(zip(paths, pool.map(lambda path: self.get(path, base), paths), strict=True))

    def admin_login(self):
        session = requests.Session()
        form = session.get(f"{self.varnish_base}/admin/login/", headers={"Host": DINKES}, timeout=5)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        response = session.post(
            f"{self.varnish_base}/admin/login/",
            data={"csrfmiddlewaretoken": token, "username": self.editor_username, "password": PASSWORD},
            headers={"Host": DINKES, "Referer": f"http://{DINKES}/admin/login/"},
            timeout=5,
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 302, response.text[:500])
        return session

    def warm(self, path):
        """Put path in Varnish's cache (bounded wait)."""
        warm = self.until_ok(path)
        self.assertIsNotNone(warm, self.gunicorn.log() + self.varnish.log())
        self.assertIn("Dinas Kesehatan", warm.text)
        self.assertEqual(self.get(path).headers["X-Cache"], "HIT")

    def stale_hits(self, path, wanted=3):
        """Ask for a cached path until Varnish has served it stale (from grace) ``wanted`` times:
        each stale hit refreshes it in the background, so the later ones show that a failed
        refresh left the stale copy in place. Bounded; returns every response."""
        responses = []
        for _ in range(RECOVERY_ATTEMPTS):
            responses.append(self.get(path))
            stale = [
                r for r in responses if r is not None and int(r.headers.get("Age", 0)) > SHARED_CACHE_SECONDS
            ]
            if len(stale) >= wanted:
                break
            time.sleep(0.25)
        return responses

    def test_database_outage_serves_cached_pages_from_grace_and_never_caches_the_error(self):
        self.warm("/")
        admin = self.admin_login()
        self.assertEqual(self.get("/admin/", session=admin).status_code, 200)

        self.postgres.stop()
        readiness, liveness = self.get("/healthz/"), self.get("/healthz/live/")
        fresh_paths = [f"/?sonde=db-{index}" for index in range(REQUESTS_DURING // 2)]
        during = self.under_load(fresh_paths)
        cached_during = self.stale_hits("/")
        errors_again = [self.get("/?sonde=db-0") for _ in range(3)]
        admin_during = self.get("/admin/", session=admin)
        self.postgres.start()

        # Recovery: the URL that just failed is 200 at once (its error was never stored), with
        # the same gunicorn workers, whose pooled connections died with the server.
        recovered = self.until_ok("/?sonde=db-0")
        recovered_admin = self.until_ok("/admin/", session=admin)
        after = self.under_load(fresh_paths + ["/"])

        self.assertEqual(readiness.status_code, 503, readiness.text)
        self.assertEqual(liveness.status_code, 200, "Varnish's probe must not depend on the database")
        # Cached pages: 200 throughout, from Varnish's stale copy (grace), not replaced by an error.
        for response in cached_during:
            self.assertIsNotNone(response)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.headers["X-Cache"], "HIT")
            self.assertIn("Dinas Kesehatan", response.text)
        self.assertGreaterEqual(
            sum(int(r.headers["Age"]) > SHARED_CACHE_SECONDS for r in cached_during),
            3,
            "never served from grace",
        )
        # Uncached pages: the app's error page (not Varnish's), never stored, never a cache hit.
        for path, response in [*during.items(), *(("/?sonde=db-0", r) for r in errors_again)]:
            self.assertIsNotNone(response, path)
            self.assertEqual(response.status_code, 500, f"{path}: {response.text[:300]}")
            self.assertIn("Terjadi gangguan", response.text)
            self.assertIn("no-store", response.headers["Cache-Control"])
            self.assertEqual(response.headers["X-Cache"], "MISS", path)
            self.assertEqual(response.headers.get("Age", "0"), "0", path)
        self.assertNotEqual(getattr(admin_during, "status_code", None), 200)

        self.assertIsNotNone(recovered, self.gunicorn.log() + self.postgres.log())
        self.assertIn("Dinas Kesehatan", recovered.text)
        self.assertIsNotNone(recovered_admin, self.gunicorn.log())
        self.assertIn("Dasbor", recovered_admin.text)
        self.assertEqual({path: getattr(r, "status_code", None) for path, r in after.items()},
                         dict.fromkeys(after, 200))  # fmt: skip

    def test_redis_outage_keeps_every_public_page_served_from_the_database(self):
        self.assertIsNotNone(self.until_ok("/healthz/"), self.gunicorn.log() + self.varnish.log())
        admin = self.admin_login()
        self.assertEqual(self.get("/admin/", session=admin).status_code, 200)

        log_offset = self.gunicorn.log_path.stat().st_size  # gunicorn's log is shared by both tests
        self.redis.stop()
        readiness, liveness = self.get("/healthz/"), self.get("/healthz/live/")
        paths = [f"/?sonde=redis-{index}" for index in range(REQUESTS_DURING // 2)] + ["/", "/en/"]
        straight = self.under_load(paths, base=self.gunicorn_base)
        through_varnish = self.under_load([f"/?sonde=redis-varnish-{i}" for i in range(REQUESTS_DURING // 2)])
        admin_during = self.get("/admin/", session=admin)
        with self.gunicorn.log_path.open("rb") as log:
            log.seek(log_offset)
            log_during = log.read().decode(errors="replace")
        type(self).redis = start_redis(self.redis_port)
        ready_again = self.until_ok("/healthz/")

        self.assertEqual(readiness.status_code, 503, "readiness tells operators that Redis is away")
        self.assertEqual(readiness.json()["checks"]["cache"]["status"], "error")
        self.assertEqual(liveness.status_code, 200)
        for path, response in [*straight.items(), *through_varnish.items()]:
            self.assertIsNotNone(response, path)
            self.assertEqual(
                response.status_code, 200, f"{path}: {response.text[:300]}\n{self.gunicorn.log()}"
            )
        self.assertIn("Dinas Kesehatan", straight["/"].text)
        # An admin is logged out while sessions are unreachable (docs/operations.md), never a 500.
        self.assertEqual(admin_during.status_code, 302)
        self.assertIn("/admin/login/", admin_during.headers["Location"])
        # Logged once per outage by each of the two workers that met it, not once per request.
        outage_lines = log_during.count("is unreachable")
        self.assertGreaterEqual(outage_lines, 1)
        self.assertLessEqual(outage_lines, 2, log_during[-3000:])
        self.assertNotIn("Internal Server Error", log_during)

        self.assertIsNotNone(ready_again, self.gunicorn.log())
        self.assertEqual(self.get("/?sonde=redis-sesudah", base=self.gunicorn_base).status_code, 200)
