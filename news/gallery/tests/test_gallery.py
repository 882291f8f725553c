"""Galeri: albums with their cover photo and a list of constant cost."""

from django.test import TestCase

from news.gallery.models import GalleryIndexPage, GalleryPage, GalleryPhoto
from opd.tests.factories import make_opd
from tests.content import add_index, make_image, publish
from tests.querycount import ConstantQueriesMixin

HOST = "dinkes.ketapangkab.localhost"


def add_album(index, opd, title, photos=2):
    return publish(
        index,
        GalleryPage(
            title=title,
            photos=[
                GalleryPhoto(image=make_image(opd, f"{title} {number}"), sort_order=number)
                for number in range(photos)
            ],
        ),
    )


class GalleryTests(ConstantQueriesMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.opd = make_opd("dinkes", "Dinas Kesehatan")
        cls.index = add_index(cls.opd, GalleryIndexPage, "Galeri", "galeri")
        cls.album = add_album(cls.index, cls.opd, "Hari Kesehatan Nasional", photos=3)
        cls.empty = add_album(cls.index, cls.opd, "Album Kosong", photos=0)

    def get(self, url):
        return self.client.get(url, headers={"host": HOST})

    def test_list_shows_each_album_with_its_first_photo_as_cover(self):
        response = self.get("/galeri/")
        self.assertContains(response, "Hari Kesehatan Nasional")
        self.assertContains(response, 'alt="Alt: Hari Kesehatan Nasional 0"')
        self.assertNotContains(response, 'alt="Alt: Hari Kesehatan Nasional 1"')
        self.assertContains(response, "Album Kosong")
        self.assertContains(response, "3 foto")

    def test_album_shows_every_photo_with_caption_credit_and_webp_sources(self):
        html = self.get(self.album.get_url_parts()[2]).content.decode()
        for number in range(3):
            self.assertIn(f"Suasana Hari Kesehatan Nasional {number}", html)
        self.assertIn("(Tim Peliput Dinas Kesehatan)", html)
        self.assertEqual(html.count('type="image/webp"'), 3)
        self.assertEqual(html.count('height="240"'), 3)
        self.assertEqual(html.count('width="320"'), 3)

    def test_list_query_count_does_not_grow_with_albums_or_photos(self):
        def grow():
            for number in range(6):
                add_album(self.index, self.opd, f"Album Tambahan {number}", photos=3)

        self.assert_constant_queries("/galeri/", HOST, grow, expect_growth_in="Album Tambahan 5")
