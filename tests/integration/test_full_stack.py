"""The production stack on loopback: nginx (TLS) → Varnish → gunicorn → PostgreSQL + Redis.

Uses the files in deploy/ as they are, with only ports, paths and the certificate replaced.
gunicorn runs portal.settings.production against the test database, so this runs in the
PostgreSQL pass of .ci/run.
"""

import re
import secrets
import subprocess
import sys
import time

import pytest
import requests
from django.conf import settings
from django.test import TransactionTestCase, override_settings

from opd.tests.factories import make_opd
from tests.integration.services import (
    DEPLOY,
    REPO,
    Service,
    database_url,
    free_port,
    require_binary,
    require_postgresql,
    varnish,
)
from tests.transactional import KeepsMigratedData

# The test certificate is self-signed and issued for a name, while requests go to 127.0.0.1.
pytestmark = pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")

DINKES = "dinkes.ketapangkab.localhost"
PORTAL = "ketapangkab.localhost"

NGINX_MAIN = """
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
daemon off;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log {workdir}/access.log;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    include {workdir}/portal.conf;
}}
"""


class FullStackTests(KeepsMigratedData, TransactionTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        require_postgresql()
        nginx = require_binary("nginx", "nginx-light")
        openssl = require_binary("openssl")
        redis_server = require_binary("redis-server")

        redis_port, app_port, http_port, https_port = free_port(), free_port(), free_port(), free_port()
        cls.redis = Service(
            "redis", [redis_server, "--port", redis_port, "--bind", "127.0.0.1", "--save", ""]
        )
        cls.redis.start(wait_port=redis_port)
        cls.addClassCleanup(cls.redis.stop)
        # As in production, this process and the gunicorn workers share one cache: the versions
        # that tell workers their kept sites, settings and fragments are stale (portal.core.performance,
        # portal.core.site_settings) are bumped by the signals of what the tests create here. With a
        # cache of its own, a worker would keep the Sites of the previous test (their pages gone).
        shared = {
            "BACKEND": "portal.core.cache.PortalRedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis_port}/0",
            "KEY_PREFIX": "portal",
        }
        cache_override = override_settings(CACHES={**settings.CACHES, "default": shared})
        cache_override.enable()
        cls.addClassCleanup(cache_override.disable)

        cls.varnish, varnish_port, purge_port = varnish(app_port)
        cls.varnish_port = varnish_port
        cls.addClassCleanup(cls.varnish.stop)

        static_root = cls.redis.workdir / "static"
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": database_url(),
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "WAGTAILADMIN_BASE_URL": f"https://{PORTAL}",
            "VARNISH_PURGE_URLS": f"http://127.0.0.1:{purge_port}",
            "DJANGO_STATIC_ROOT": str(static_root),
            "DJANGO_MEDIA_ROOT": str(cls.redis.workdir / "media"),
            "GUNICORN_BIND": f"127.0.0.1:{app_port}",
            "GUNICORN_WORKERS": "2",
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

        cls.nginx = Service("nginx", [])
        workdir = cls.nginx.workdir
        subprocess.run(
            [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={PORTAL}",
             "-keyout", workdir / "key.pem", "-out", workdir / "cert.pem"],
            check=True, capture_output=True,
        )  # fmt: skip
        site = (DEPLOY / "nginx" / "portal.conf").read_text()
        site = site.replace("server 127.0.0.1:6081;", f"server 127.0.0.1:{varnish_port};")
        site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
        site = re.sub(r"\n\s*listen \[::\].*", "", site)
        site = site.replace("/etc/ssl/portal/fullchain.pem", str(workdir / "cert.pem"))
        site = site.replace("/etc/ssl/portal/privkey.pem", str(workdir / "key.pem"))
        site = site.replace("/srv/portal/media/", f"{env['DJANGO_MEDIA_ROOT']}/")
        (workdir / "portal.conf").write_text(site)
        (workdir / "nginx.conf").write_text(NGINX_MAIN.format(workdir=workdir))
        cls.nginx.argv = [nginx, "-p", workdir, "-c", workdir / "nginx.conf"]
        cls.nginx.start(wait_port=https_port)
        cls.addClassCleanup(cls.nginx.stop)
        cls.base = f"https://127.0.0.1:{https_port}"
        cls.http_base = f"http://127.0.0.1:{http_port}"

    def setUp(self):
        make_opd("ketapangkab", "Pemerintah Kabupaten Ketapang", is_portal=True)
        make_opd("dinkes", "Dinas Kesehatan")

    def get(self, path, host=DINKES, headers=None, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        headers = {"Host": host, **(headers or {})}
        return requests.get(f"{self.base}{path}", headers=headers, verify=False, timeout=15, **kwargs)

    def wait_for_stack(self):
        # Varnish sends traffic once its first probe of /healthz/ passed; bounded wait.
        for _ in range(100):
            if self.get("/healthz/").status_code == 200:
                return
            time.sleep(0.1)
        raise AssertionError(f"stack not ready\n{self.gunicorn.log()}\n{self.varnish.log()}")

    def test_pages_are_served_through_nginx_varnish_and_gunicorn_with_hardening_headers(self):
        self.wait_for_stack()
        first = self.get("/")
        self.assertEqual(first.status_code, 200, first.text[:500] + self.gunicorn.log())
        self.assertIn("Dinas Kesehatan", first.text)
        self.assertEqual(first.headers["X-Cache"], "MISS")
        second = self.get("/")
        self.assertEqual(second.headers["X-Cache"], "HIT")
        self.assertIn("Dinas Kesehatan", second.text)
        portal = self.get("/", host=PORTAL)
        self.assertIn("Pemerintah Kabupaten Ketapang", portal.text)

        self.assertIn("max-age=31536000", first.headers["Strict-Transport-Security"])
        csp = first.headers["Content-Security-Policy"]
        self.assertIn("script-src 'self'", csp)
        self.assertNotIn("unsafe-inline", csp)
        self.assertEqual(first.headers["X-Content-Type-Options"], "nosniff")

        # Static files: hashed names, compressed, long-lived.
        stylesheet = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', first.text)
        self.assertIsNotNone(stylesheet, first.text[:800])
        css = self.get(stylesheet.group(1), headers={"Accept-Encoding": "gzip"})
        self.assertEqual(css.status_code, 200)
        self.assertEqual(css.headers.get("Content-Encoding"), "gzip")
        self.assertIn("immutable", css.headers["Cache-Control"])

    def test_health_admin_hosts_and_plain_http_behave_as_in_production(self):
        self.wait_for_stack()
        health = self.get("/healthz/")
        self.assertEqual(health.json()["checks"]["database"]["status"], "ok")
        self.assertEqual(health.json()["checks"]["cache"]["status"], "ok")

        login = self.get("/admin/login/")
        self.assertEqual(login.status_code, 200)
        self.assertEqual(self.get("/admin/login/").headers["X-Cache"], "MISS")
        self.assertIn("Secure", login.headers.get("Set-Cookie", ""))

        self.assertEqual(self.get("/", host="bukan-situs-kami.example").status_code, 400)
        purge = requests.request("PURGE", f"{self.base}/", headers={"Host": DINKES}, verify=False, timeout=5)
        self.assertEqual(purge.status_code, 405)
        # A plain-HTTP request straight to Varnish gets Django's HTTPS redirect; that redirect
        # is not what HTTPS visitors of the same URL are then served.
        direct = requests.get(
            f"http://127.0.0.1:{self.varnish_port}/?sonde=1",
            headers={"Host": DINKES},
            allow_redirects=False,
            timeout=5,
        )
        self.assertEqual(direct.status_code, 301)
        self.assertEqual(self.get("/?sonde=1").status_code, 200)

        plain = requests.get(
            f"{self.http_base}/berita/", headers={"Host": DINKES}, allow_redirects=False, timeout=5
        )
        self.assertEqual(plain.status_code, 301)
        self.assertEqual(plain.headers["Location"], f"https://{DINKES}/berita/")
