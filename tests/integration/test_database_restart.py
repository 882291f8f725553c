"""PostgreSQL restarted under load: Varnish keeps serving cached pages, the app comes back by itself.

gunicorn (production settings: persistent connections with CONN_HEALTH_CHECKS) runs behind
Varnish (deploy/varnish/portal.vcl) against a private PostgreSQL server started for this test,
holding a copy of the test database. A bounded loop of requests on loopback runs while that
server is stopped and started again: every request for a warmed, cached page must succeed
throughout, and once the database is back, fresh uncached pages and the admin work again
without restarting gunicorn.
"""

import re
import secrets
import subprocess
import sys
import time

import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
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
REQUESTS_PER_PHASE = 60  # three phases: 180 requests, each with a 5 s time-out
RECOVERY_ATTEMPTS = 60  # × 0.5 s: Varnish re-probes the backend every 5 s


class DatabaseRestartUnderLoadTests(KeepsMigratedData, TransactionTestCase):
    def setUp(self):
        require_postgresql()
        pg_dump, pg_restore, psql = (
            require_binary(n, "postgresql-client") for n in ("pg_dump", "pg_restore", "psql")
        )
        redis_server = require_binary("redis-server")

        make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        make_opd("dinkes", "Dinas Kesehatan")
        editor = member(make_opd("dinkes"), Role.EDITOR)
        # Production keeps Django's default hashers; the test settings' MD5 would not log in.
        editor.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
        editor.save(update_fields=["password"])
        self.editor = editor

        self.postgres = ThrowawayPostgreSQL().init().start()
        self.addCleanup(self.postgres.cleanup)
        subprocess.run(
            [psql, self.postgres.url("postgres"), "-qc", "CREATE DATABASE portal"], check=True, timeout=30
        )  # noqa: S603
        dump = subprocess.run(  # noqa: S603
            [pg_dump, "--format=custom", "--no-owner", database_url()],
            check=True,
            capture_output=True,
            timeout=60,
        ).stdout
        subprocess.run(
            [pg_restore, "--no-owner", "-d", self.postgres.url()], input=dump, check=True, timeout=60
        )  # noqa: S603

        redis_port, app_port = free_port(), free_port()
        self.redis = Service(
            "redis", [redis_server, "--port", redis_port, "--bind", "127.0.0.1", "--save", ""]
        )
        self.redis.start(wait_port=redis_port)
        self.addCleanup(self.redis.stop)
        self.varnish, self.varnish_port, _purge = varnish(app_port)
        self.addCleanup(self.varnish.stop)
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": self.postgres.url(),
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "WAGTAILADMIN_BASE_URL": f"http://{DINKES}",
            "DJANGO_STATIC_ROOT": str(self.redis.workdir / "static"),
            "DJANGO_MEDIA_ROOT": str(self.redis.workdir / "media"),
            "GUNICORN_BIND": f"127.0.0.1:{app_port}",
            "GUNICORN_WORKERS": "2",
            # Plain HTTP straight to Varnish (no nginx here): no HTTPS redirect, cookies over HTTP,
            # and a password login without the second factor.
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SECURE_COOKIES": "false",
            "PORTAL_REQUIRE_2FA": "false",
        }
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=REPO, check=True
        )
        self.gunicorn = Service(
            "gunicorn",
            [sys.executable, "-m", "gunicorn", "-c", DEPLOY / "gunicorn.conf.py"],
            env=env,
            cwd=REPO,
        )
        self.gunicorn.start(wait_port=app_port)
        self.addCleanup(self.gunicorn.stop)
        self.base = f"http://127.0.0.1:{self.varnish_port}"

    def get(self, path, session=None, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        try:
            return (session or requests).get(
                f"{self.base}{path}", headers={"Host": DINKES}, timeout=5, **kwargs
            )
        except requests.RequestException:
            return None

    def until_ok(self, path, session=None):
        """The first successful answer within a bounded number of attempts (None if none)."""
        for _ in range(RECOVERY_ATTEMPTS):
            response = self.get(path, session)
            if response is not None and response.status_code == 200:
                return response
            time.sleep(0.5)
        return None

    def admin_login(self):
        session = requests.Session()
        form = session.get(f"{self.base}/admin/login/", headers={"Host": DINKES}, timeout=5)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        response = session.post(
            f"{self.base}/admin/login/",
            data={"csrfmiddlewaretoken": token, "username": self.editor.username, "password": PASSWORD},
            headers={"Host": DINKES, "Referer": f"http://{DINKES}/admin/login/"},
            timeout=5,
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 302, response.text[:500])
        return session

    def load(self, phase, counts):
        """One phase of the loop: a cached page and a fresh uncached one, alternately."""
        for index in range(REQUESTS_PER_PHASE // 2):
            cached = self.get("/")
            counts[phase]["cached"].append(cached.status_code if cached is not None else "no answer")
            fresh = self.get(f"/?sonde={phase}-{index}")
            counts[phase]["fresh"].append(fresh.status_code if fresh is not None else "no answer")

    def test_cached_pages_survive_a_database_restart_and_the_app_recovers_without_a_restart(self):
        self.assertIsNotNone(self.until_ok("/healthz/"), self.gunicorn.log() + self.varnish.log())
        warm = self.until_ok("/")
        self.assertIsNotNone(warm, self.gunicorn.log())
        self.assertIn("Dinas Kesehatan", warm.text)
        self.assertEqual(self.get("/").headers["X-Cache"], "HIT")
        admin = self.admin_login()
        self.assertEqual(self.get("/admin/", admin).status_code, 200)

        counts = {phase: {"cached": [], "fresh": []} for phase in ("before", "down", "after")}
        self.load("before", counts)
        self.postgres.stop()
        health = self.get("/healthz/")
        self.load("down", counts)
        admin_while_down = self.get("/admin/", admin)
        self.postgres.start()
        # Recovery: the same gunicorn workers, whose pooled connections died with the server.
        recovered_page = self.until_ok("/?sonde=terbaru")
        recovered_admin = self.until_ok("/admin/", admin)
        self.load("after", counts)

        report = {
            phase: {kind: sorted(set(map(str, codes))) for kind, codes in c.items()}
            for phase, c in counts.items()
        }
        total = sum(len(codes) for c in counts.values() for codes in c.values())
        errors = sum(1 for c in counts.values() for codes in c.values() for code in codes if code != 200)
        self.assertEqual(total, 3 * REQUESTS_PER_PHASE)
        # The database really was down, and uncached pages failed while it was.
        self.assertEqual(health.status_code, 503, health.text)
        self.assertTrue(all(code != 200 for code in counts["down"]["fresh"]), report)
        self.assertNotEqual(getattr(admin_while_down, "status_code", None), 200)
        self.assertEqual(errors, len(counts["down"]["fresh"]), report)
        # Every request for the cached page succeeded, before, during and after.
        for phase in counts:
            self.assertEqual(set(counts[phase]["cached"]), {200}, report)
        # Back without restarting anything but PostgreSQL.
        self.assertIsNotNone(recovered_page, self.gunicorn.log() + self.postgres.log())
        self.assertIn("Dinas Kesehatan", recovered_page.text)
        self.assertIsNotNone(recovered_admin, self.gunicorn.log())
        self.assertIn("Dasbor", recovered_admin.text)
        self.assertEqual(set(counts["after"]["fresh"]), {200}, report)
        self.assertEqual(set(counts["before"]["fresh"]), {200}, report)
