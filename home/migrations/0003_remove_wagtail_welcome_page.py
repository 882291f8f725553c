"""Remove the 'Welcome to Wagtail' page and localhost site Wagtail creates on install.

Every site of the portal is created by provisioning (create_opd_site / seed_demo).
"""

from django.db import migrations


def remove_welcome_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is None:
        return
    welcome = Page.objects.filter(depth=2, slug="home", content_type=page_type)
    Site.objects.filter(root_page__in=welcome).delete()
    for page in welcome:
        parent = Page.objects.get(depth=1)
        page.delete()
        parent.numchild = Page.objects.filter(depth=2, path__startswith=parent.path).count()
        parent.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
    ]

    operations = [migrations.RunPython(remove_welcome_page, migrations.RunPython.noop)]
