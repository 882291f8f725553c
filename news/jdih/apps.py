from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JDIHConfig(AppConfig):
    name = "news.jdih"
    label = "jdih"
    verbose_name = _("JDIH (produk hukum)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from opd.kinds import register_site_kind
        from opd.signals import opd_provisioned

        from .models import LegalProductPage
        from .provisioning import provide_jdih
        from .relations import on_product_published, on_product_unpublished

        register_site_kind("jdih", "situs JDIH Bagian Hukum (pustaka produk hukum dan umpan JDIHN)")
        opd_provisioned.connect(provide_jdih, dispatch_uid="jdih.provisioning.provide_jdih")
        page_published.connect(on_product_published, sender=LegalProductPage, dispatch_uid="jdih.published")
        page_unpublished.connect(
            on_product_unpublished, sender=LegalProductPage, dispatch_uid="jdih.unpublished"
        )
