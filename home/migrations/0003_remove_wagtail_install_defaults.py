"""Remove what Wagtail creates on install and the portal must not have.

- the 'Welcome to Wagtail' page and its localhost site: every site of the portal is
  created by provisioning (create_opd_site / seed_demo);
- the global "Moderators" and "Editors" groups, which hold page rights on the whole
  tree (publishing included) and would cut across every OPD;
- the default "Moderators approval" workflow on the root page: each OPD has its own
  SOP workflow and nothing may be published through another.
"""

from django.db import migrations


def remove_install_defaults(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")

    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is not None:
        welcome = Page.objects.filter(depth=2, slug="home", content_type=page_type)
        Site.objects.filter(root_page__in=welcome).delete()
        for page in welcome:
            page.delete()
        for root in Page.objects.filter(depth=1):
            root.numchild = Page.objects.filter(depth=2, path__startswith=root.path).count()
            root.save(update_fields=["numchild"])

    for workflow in Workflow.objects.filter(name="Moderators approval"):
        Task.objects.filter(workflow_tasks__workflow=workflow).delete()
        workflow.delete()
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0002_initial")]

    operations = [migrations.RunPython(remove_install_defaults, migrations.RunPython.noop)]
