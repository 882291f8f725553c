"""Assert that a page costs the same number of queries whatever the amount of content."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


class ConstantQueriesMixin:
    """For TestCase classes: ``assert_constant_queries(url, host, grow)``."""

    def count_queries(self, url, host):
        # The first request makes renditions and fills Wagtail's caches; count the second.
        self.assertEqual(self.client.get(url, headers={"host": host}).status_code, 200)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url, headers={"host": host})
        self.assertEqual(response.status_code, 200)
        return len(queries), response

    def assert_constant_queries(self, url, host, grow, expect_growth_in=None):
        """Count the queries of ``url``, call ``grow()`` to add content, count again: same number.

        ``expect_growth_in`` is a text that must appear only after growing, so the second
        count really covers more content.
        """
        before, response = self.count_queries(url, host)
        if expect_growth_in:
            self.assertNotContains(response, expect_growth_in)
        grow()
        self.client.get(url, headers={"host": host})
        with self.assertNumQueries(before):
            response = self.client.get(url, headers={"host": host})
        if expect_growth_in:
            self.assertContains(response, expect_growth_in)
        return before
