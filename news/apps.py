from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "Berita"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.permissions import register_permission_policy

        from opd.snippets import SiteScopedPermissionPolicy
        from portal.core.site_settings import forget

        from .models import NewsCategory

        # Categories are per site: a Web Administrator's rights reach their own sites' only.
        register_permission_policy(NewsCategory, SiteScopedPermissionPolicy(NewsCategory))
        # The news list's category filter is kept per worker until the public content changes.
        post_save.connect(forget, sender=NewsCategory, dispatch_uid="news.categories.save")
        post_delete.connect(forget, sender=NewsCategory, dispatch_uid="news.categories.delete")
