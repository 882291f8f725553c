"""Drive the Wagtail admin over HTTP the way people of an OPD do."""

import io

from bs4 import BeautifulSoup
from django.test import Client
from PIL import Image as PILImage
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

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


def form_errors(response):
    """The field errors the page editor shows, for readable assertion messages."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(tag.get_text(" ").split()) for tag in soup.select(".error-message, .help-critical")]


def stream_field_names(model):
    return [field.name for field in model._meta.get_fields() if isinstance(field, StreamField)]


def page_form(client, url, model):
    """The page editor's own form data, as the browser would submit it untouched."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # StreamFields are drawn by JavaScript; an empty stream is what an untouched one sends.
    for field in stream_field_names(model):
        data.setdefault(f"{field}-count", "0")
    return data


def _submit(client, url, model, fields, action):
    data = page_form(client, url, model)
    # A list value (a multiple choice such as categories) replaces the field's values.
    for key, value in fields.items():
        if isinstance(value, list | tuple):
            data.setlist(key, [str(item) for item in value])
        else:
            data[key] = value
    if action:
        data[action] = "1"
    return client.post(url, data)


def create_page(client, parent, model, fields, action="action-submit"):
    app_label, model_name = model._meta.app_label, model._meta.model_name
    url = f"/admin/pages/add/{app_label}/{model_name}/{parent.pk}/"
    return _submit(client, url, model, fields, action)


def edit_page(client, page, fields, action="action-submit"):
    url = f"/admin/pages/{page.pk}/edit/"
    return _submit(client, url, page.specific_class, fields, action)


def stream(name, blocks):
    """Form data for a StreamField: stream("body", [("paragraph", rich_text("<p>..</p>")), ...])."""
    return nested_form_data({name: streamfield(blocks)})


def inline(name, forms):
    """Form data for an InlinePanel with these forms (dicts of field values), e.g. album photos."""
    data = {f"{name}-TOTAL_FORMS": str(len(forms)), f"{name}-INITIAL_FORMS": "0"}
    for index, form in enumerate(forms):
        data.update({f"{name}-{index}-{key}": value for key, value in form.items()})
        data.setdefault(f"{name}-{index}-ORDER", str(index + 1))
        data.setdefault(f"{name}-{index}-DELETE", "")
        data.setdefault(f"{name}-{index}-id", "")
    return data


def approve_through_sop(page, people, host):
    """Editor, Redaktur and Web Administrator approve in turn (SOP 6-8); returns the live page.

    ``people`` maps each Role to a member of the page's OPD.
    """
    from opd.roles import Role

    for role in (Role.EDITOR, Role.REDAKTUR, Role.WEBADMIN):
        response = workflow_action(login(people[role], host=host), page, "approve")
        assert response.status_code == 302, (role, response.status_code)
    page.refresh_from_db()
    assert page.live, page
    return page


def workflow_action(client, page, action, comment=""):
    """Approve / request changes from the dashboard's action buttons."""
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": comment})


def is_refused(response):
    """Wagtail answers a PermissionDenied in the admin with 403 or a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")
