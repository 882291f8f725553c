"""/healthz/ for operators (JSON with the database and cache checks), /healthz/live/ for Varnish."""

from wsgiref.util import setup_testing_defaults

from django.core.signals import request_started
from django.test import TestCase, override_settings

from portal.health.probe import with_liveness_probe
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

    def test_readiness_reports_a_redis_outage_even_though_the_portal_cache_tolerates_it(self):
        dead_redis = {
            "BACKEND": "portal.core.cache.PortalRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
        with override_settings(CACHES={"default": dead_redis}):
            response = self.client.get("/healthz/")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["checks"]["cache"], {"status": "error"})


class LivenessProbeTests(TestCase):
    """/healthz/live/ for Varnish's probe: answered by gunicorn's WSGI application before Django."""

    @staticmethod
    def call(application, path, method="GET"):
        environ = {}
        setup_testing_defaults(environ)
        environ.update(PATH_INFO=path, REQUEST_METHOD=method, HTTP_HOST="127.0.0.1")
        answer = {}

        def start_response(status, headers):
            answer.update(status=status, headers=dict(headers))

        answer["body"] = b"".join(application(environ, start_response))
        return answer

    def test_liveness_answers_without_django_the_database_or_redis(self):
        from portal.wsgi import application

        requests_seen = []

        def seen(**kwargs):
            requests_seen.append(kwargs)

        # request_started is where a request first reads Redis (portal.core.performance's MGET).
        request_started.connect(seen)
        self.addCleanup(request_started.disconnect, seen)
        with self.assertNumQueries(0):
            answer = self.call(application, "/healthz/live/")
        self.assertEqual(answer["status"], "200 OK")
        self.assertEqual(answer["body"], b"ok\n")
        self.assertEqual(answer["headers"]["Cache-Control"], "no-store")
        self.assertEqual(requests_seen, [])

    def test_every_other_request_goes_to_django(self):
        reached = []

        def django(environ, start_response):
            reached.append((environ["REQUEST_METHOD"], environ["PATH_INFO"]))
            start_response("404 Not Found", [])
            return [b""]

        application = with_liveness_probe(django)
        self.call(application, "/healthz/")
        self.call(application, "/healthz/live/extra")
        self.call(application, "/healthz/live/", method="POST")
        self.assertEqual(
            reached, [("GET", "/healthz/"), ("GET", "/healthz/live/extra"), ("POST", "/healthz/live/")]
        )

    def test_servers_without_the_wsgi_wrapper_give_the_same_answer(self):
        response = self.client.get("/healthz/live/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"ok\n")
        self.assertEqual(response["Cache-Control"], "no-store")
