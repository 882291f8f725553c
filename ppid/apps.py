from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PPIDConfig(AppConfig):
    name = "ppid"
    verbose_name = _("PPID dan pelayanan publik")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.documents import get_document_model

        from opd.signals import opd_provisioned

        from . import public  # noqa: F401  (registers the PPID page's public views)
        from .dip import forget_documents
        from .provisioning import provide_ppid

        opd_provisioned.connect(provide_ppid, dispatch_uid="ppid.provisioning.provide_ppid")

        document = get_document_model()
        post_save.connect(forget_documents, sender=document, dispatch_uid="ppid.dip.documents.save")
        post_delete.connect(forget_documents, sender=document, dispatch_uid="ppid.dip.documents.delete")
