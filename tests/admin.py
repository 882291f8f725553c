"""Drive the Wagtail admin over HTTP the way people of an OPD do."""

import io

from django.test import Client
from PIL import Image as PILImage
from wagtail.test.utils.form_data import querydict_from_html

from opd.tests.factories import TEST_PASSWORD


def login(user, host="ketapangkab.localhost"):
    client = Client(headers={"host": host})
    assert client.login(username=user.username, password=TEST_PASSWORD)
    return client


def jpeg_bytes(size=(64, 48), colour="navy"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="JPEG")
    buffer.name = "foto.jpg"
    buffer.seek(0)
    return buffer


def page_form(client, url):
    """The page editor's own form data, as the browser would submit it untouched."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # StreamFields are drawn by JavaScript; an empty stream is what an untouched one sends.
    for field in ("body",):
        data.setdefault(f"{field}-count", "0")
    return data


def create_page(client, parent, model, fields, action="action-submit"):
    app_label, model_name = model._meta.app_label, model._meta.model_name
    url = f"/admin/pages/add/{app_label}/{model_name}/{parent.pk}/"
    data = page_form(client, url)
    data.update(fields)
    if action:
        data[action] = "1"
    return client.post(url, data)


def edit_page(client, page, fields, action="action-submit"):
    url = f"/admin/pages/{page.pk}/edit/"
    data = page_form(client, url)
    data.update(fields)
    if action:
        data[action] = "1"
    return client.post(url, data)


def workflow_action(client, page, action, comment=""):
    """Approve / request changes from the dashboard's action buttons."""
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": comment})


def is_refused(response):
    """Wagtail answers a PermissionDenied in the admin with 403 or a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")
