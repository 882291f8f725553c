"""Media in S3-compatible object storage: moto's S3 server on loopback, over real HTTP.

Production uses MinIO, Ceph RGW or a cloud bucket; moto speaks the same S3 API.
"""

import json

import boto3
import requests
from django.core.files.storage import storages
from django.test import TestCase, override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from opd.roles import Role
from opd.tests.factories import make_opd, member
from tests.admin import jpeg_bytes, login
from tests.integration.services import Service, free_port, python_module

BUCKET = "portal-media"
PUBLIC_READ_POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": ["s3:GetObject"],
                "Resource": [f"arn:aws:s3:::{BUCKET}/media/*"],
            }
        ],
    }
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class S3MediaTests(TestCase):
    """Images, renditions and documents land in the bucket and are served from it."""

    @classmethod
    def setUpClass(cls):
        port = free_port()
        cls.endpoint = f"http://127.0.0.1:{port}"
        cls.moto = Service("moto", python_module("moto.server", "-H", "127.0.0.1", "-p", port)).start(
            wait_port=port
        )
        cls.addClassCleanup(cls.moto.stop)
        credentials = {
            "aws_access_key_id": "uji",
            "aws_secret_access_key": "rahasia-uji",
            "region_name": "us-east-1",
        }
        cls.s3 = boto3.client("s3", endpoint_url=cls.endpoint, **credentials)
        cls.s3.create_bucket(Bucket=BUCKET)
        # Media is public, as in production: the bucket policy of docs/operations.md.
        cls.s3.put_bucket_policy(Bucket=BUCKET, Policy=PUBLIC_READ_POLICY)
        # The options production.py builds from AWS_* variables (see docs/operations.md).
        storage = {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": cls.endpoint,
                "region_name": "us-east-1",
                "access_key": "uji",
                "secret_key": "rahasia-uji",
                "location": "media",
                "addressing_style": "path",
                "querystring_auth": False,
                "default_acl": None,
                "file_overwrite": False,
            },
        }
        cls.storage_override = override_settings(
            STORAGES={
                "default": storage,
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            }
        )
        cls.storage_override.enable()
        cls.addClassCleanup(cls.storage_override.disable)
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        cls.dinkes = make_opd("dinkes", "Dinas Kesehatan")
        cls.penulis = member(cls.dinkes, Role.PENULIS)

    def keys(self):
        listing = self.s3.list_objects_v2(Bucket=BUCKET, Prefix="media/")
        return {item["Key"] for item in listing.get("Contents", [])}

    def test_uploaded_image_and_its_renditions_are_stored_and_served_from_the_bucket(self):
        self.assertEqual(type(storages["default"]).__name__, "S3Storage")
        client = login(self.penulis, host="dinkes.ketapangkab.localhost")
        response = client.post(
            "/admin/images/add/",
            {
                "title": "Posyandu Balita",
                "file": jpeg_bytes(size=(320, 240)),
                "description": "Kader posyandu menimbang balita",
                "collection": self.dinkes.collection.pk,
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:1000])
        image = get_image_model().objects.get(title="Posyandu Balita")
        self.assertIn(f"media/{image.file.name}", self.keys())

        rendition = image.get_rendition("fill-100x80")
        self.assertIn(f"media/{rendition.file.name}", self.keys())
        self.assertTrue(rendition.url.startswith(f"{self.endpoint}/{BUCKET}/media/images/"), rendition.url)
        served = requests.get(rendition.url, timeout=10)
        self.assertEqual(served.status_code, 200)
        self.assertEqual(served.content[:3], b"\xff\xd8\xff")  # a JPEG

    def test_uploaded_document_is_stored_in_the_bucket_and_served_through_wagtail(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        client = login(self.penulis, host="dinkes.ketapangkab.localhost")
        response = client.post(
            "/admin/documents/add/",
            {
                "title": "Laporan Kinerja 2025",
                "file": SimpleUploadedFile("laporan-kinerja.pdf", PDF, "application/pdf"),
                "collection": self.dinkes.collection.pk,
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:1000])
        document = get_document_model().objects.get(title="Laporan Kinerja 2025")
        self.assertIn(f"media/{document.file.name}", self.keys())
        stored = self.s3.get_object(Bucket=BUCKET, Key=f"media/{document.file.name}")["Body"].read()
        self.assertEqual(stored, PDF)

        served = self.client.get(document.url, headers={"host": "dinkes.ketapangkab.localhost"})
        self.assertEqual(served.status_code, 200)
        self.assertEqual(b"".join(served.streaming_content), PDF)
