from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Berita"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from opd.snippets import SiteScopedPermissionPolicy

        from .models import NewsCategory

        # Categories are per site: a Web Administrator's rights reach their own sites' only.
        register_permission_policy(NewsCategory, SiteScopedPermissionPolicy(NewsCategory))
