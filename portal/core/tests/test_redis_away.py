"""Redis away: the cache reads as empty, pages are built from the database, admins are logged out.

"Away" here is a real Redis client against a loopback port where nothing listens (connection
refused, as while Redis restarts); the recovery test starts a real redis-server on that port.
"""

import time

from django.core.cache import caches
from django.test import TestCase, override_settings

from opd.roles import Role
from opd.tests.factories import TEST_PASSWORD, make_opd, member
from portal.core.cache import PortalRedisCache
from tests.integration.services import Service, free_port, require_binary

DINKES = "dinkes.ketapangkab.localhost"


def redis_cache(port, prefix="portal"):
    return {
        "BACKEND": "portal.core.cache.PortalRedisCache",
        "LOCATION": f"redis://127.0.0.1:{port}/0",
        "KEY_PREFIX": prefix,
    }


def redis_away_settings(port):
    """Production's cache and session settings, with nothing listening on the Redis port."""
    return override_settings(
        CACHES={
            "default": redis_cache(port),
            "sessions": redis_cache(port, "session"),
            "renditions": redis_cache(port, "rendition"),
        },
        SESSION_ENGINE="portal.core.sessions",
        SESSION_CACHE_ALIAS="sessions",
    )


class UnreachableRedisCacheTests(TestCase):
    def test_every_operation_answers_as_an_empty_cache_and_the_outage_is_logged_once(self):
        cache = PortalRedisCache(f"redis://127.0.0.1:{free_port()}/0", {})
        with self.assertLogs("portal.core.cache", "WARNING") as logs:
            self.assertIsNone(cache.get("a"))
            self.assertEqual(cache.get("a", "bawaan"), "bawaan")
            self.assertEqual(cache.get_many(["a", "b"]), {})
            self.assertIsNone(cache.set("a", 1))
            self.assertFalse(cache.add("a", 1))
            self.assertFalse(cache.has_key("a"))
            self.assertFalse(cache.touch("a"))
            self.assertFalse(cache.delete("a"))
            self.assertEqual(cache.set_many({"a": 1, "b": 2}), ["a", "b"])
            self.assertIsNone(cache.delete_many(["a"]))
            self.assertEqual(cache.get_or_set("c", 3), 3)
            with self.assertRaises(ValueError):
                cache.incr("a")
            for _ in range(20):
                cache.get("a")
        self.assertEqual(len(logs.records), 1, logs.output)
        self.assertIn("unreachable", logs.output[0])
        self.assertTrue(cache.is_unreachable())

    def test_the_cache_is_used_again_once_redis_answers_and_that_is_logged(self):
        redis_server = require_binary("redis-server")
        port = free_port()
        cache = PortalRedisCache(f"redis://127.0.0.1:{port}/0", {})
        with self.assertLogs("portal.core.cache", "WARNING"):
            cache.set("kunci", "nilai")
        redis = Service("redis", [redis_server, "--port", port, "--bind", "127.0.0.1", "--save", ""])
        redis.start(wait_port=port)
        self.addCleanup(redis.stop)
        with self.assertLogs("portal.core.cache", "WARNING") as logs:
            for _ in range(50):  # bounded: the next try comes RETRY_AFTER_SECONDS after the failure
                cache.set("kunci", "nilai")
                if cache.get("kunci") == "nilai":
                    break
                time.sleep(0.1)
        self.assertEqual(cache.get("kunci"), "nilai")
        self.assertFalse(cache.is_unreachable())
        self.assertEqual(len(logs.records), 1, logs.output)
        self.assertIn("answers again", logs.output[0])


class PortalWithoutRedisTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.editor = member(cls.dinkes, Role.EDITOR)

    def setUp(self):
        self.redis_away = redis_away_settings(free_port())
        self.redis_away.enable()
        self.addCleanup(self.redis_away.disable)
        self.addCleanup(caches.close_all)

    def test_public_pages_are_served_from_the_database(self):
        with self.assertLogs("portal.core.cache", "WARNING") as logs:
            for _ in range(3):
                home = self.client.get("/", headers={"host": DINKES})
                self.assertContains(home, "Dinas Kesehatan")
                self.assertEqual(home["Cache-Control"], "public, max-age=60, s-maxage=3600")
            english = self.client.get("/en/", headers={"host": DINKES})
            self.assertEqual(english.status_code, 200)
        # Logged once for the outage, not once per request or per key.
        self.assertEqual(len(logs.records), 1, logs.output)

    def test_an_admin_cannot_stay_logged_in_but_never_gets_an_error(self):
        login_page = self.client.get("/admin/login/", headers={"host": DINKES})
        self.assertEqual(login_page.status_code, 200)
        answer = self.client.post(
            "/admin/login/",
            {"username": self.editor.username, "password": TEST_PASSWORD},
            headers={"host": DINKES},
        )
        self.assertIn(answer.status_code, (200, 302))
        dashboard = self.client.get("/admin/", headers={"host": DINKES})
        self.assertEqual(dashboard.status_code, 302)
        self.assertIn("/admin/login/", dashboard["Location"])

    def test_an_admin_session_from_before_the_outage_is_ended_quietly(self):
        self.client.cookies["sessionid"] = "sesi-dari-sebelum-gangguan"
        dashboard = self.client.get("/admin/", headers={"host": DINKES})
        self.assertEqual(dashboard.status_code, 302)
        self.assertIn("/admin/login/", dashboard["Location"])
