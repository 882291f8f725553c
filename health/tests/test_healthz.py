"""/healthz/ for the load balancer: JSON with the database and cache checks."""

from django.test import TestCase, override_settings

from tests.integration.services import free_port


class HealthzTests(TestCase):
    def test_healthy_server_answers_200_with_each_check(self):
        response = self.client.get("/healthz/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        body = response.json()
        self.assertEqual(body["status"], "ok")
        self.assertEqual(body["checks"]["database"]["status"], "ok")
        self.assertEqual(body["checks"]["cache"]["status"], "ok")
        self.assertIn("no-cache", response["Cache-Control"])

    def test_unreachable_cache_makes_the_server_unhealthy(self):
        dead_redis = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
        with override_settings(CACHES={"default": dead_redis}):
            response = self.client.get("/healthz/")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["checks"]["cache"], {"status": "error"})
        self.assertEqual(response.json()["checks"]["database"]["status"], "ok")
