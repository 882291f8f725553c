from django.apps import AppConfig


class OpdConfig(AppConfig):
    name = "opd"
    verbose_name = "OPD"

    def ready(self):
        self.scope_page_listing_filters()
        self.scope_site_history_user_filter()
        self.scope_workflow_report_filters()
        self.refresh_shared_directory()
        self.keep_home_pages_per_worker()

    @staticmethod
    def refresh_shared_directory():
        """``OPDDirectory.shared()`` is rebuilt when an OPD is added, changed or removed."""
        from django.db.models.signals import post_delete, post_save

        from portal.core.site_settings import forget

        from .models import OPD

        post_save.connect(forget, sender=OPD, dispatch_uid="opd.directory.save")
        post_delete.connect(forget, sender=OPD, dispatch_uid="opd.directory.delete")

    @staticmethod
    def keep_home_pages_per_worker():
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import post_page_move

        from .scoping import forget_home_pages

        post_save.connect(forget_home_pages, dispatch_uid="opd.scoping.home_pages.save")
        post_delete.connect(forget_home_pages, dispatch_uid="opd.scoping.home_pages.delete")
        post_page_move.connect(forget_home_pages, dispatch_uid="opd.scoping.home_pages.moved")

    @staticmethod
    def scope_page_listing_filters():
        """The page listing's site / owner / edited-by filters list the whole install; scope them.

        Wagtail builds these choices from every site and every author. Its filters accept a
        callable queryset that receives the request, which we use to list only the
        requester's own OPD sites and colleagues.
        """
        from wagtail.admin.views.pages.listing import GenericPageFilterSet, PageFilterSet

        from .scoping import visible_people, visible_sites

        for filterset in (PageFilterSet, GenericPageFilterSet):
            filterset.base_filters["site"].queryset = visible_sites
            filterset.base_filters["owner"].queryset = visible_people
            filterset.base_filters["edited_by"].queryset = visible_people

    @staticmethod
    def scope_workflow_report_filters():
        """The workflow reports' filters offer every OPD's workflows, tasks and submitters;
        offer only the requester's OPDs' (the rows are already limited to pages they edit)."""
        from wagtail.admin.views.reports.workflows import (
            WorkflowReportFilterSet,
            WorkflowTasksReportFilterSet,
            get_requested_by_queryset,
        )

        from .scoping import visible_people, visible_tasks, visible_workflows

        def requested_by_colleagues(request):
            return get_requested_by_queryset(request).filter(pk__in=visible_people(request).values("pk"))

        WorkflowReportFilterSet.base_filters["workflow"].queryset = visible_workflows
        WorkflowReportFilterSet.base_filters["requested_by"].queryset = requested_by_colleagues
        WorkflowTasksReportFilterSet.base_filters["workflow"].queryset = visible_workflows
        WorkflowTasksReportFilterSet.base_filters["task"].queryset = visible_tasks

    @staticmethod
    def scope_site_history_user_filter():
        """The site history report's user filter names everyone who ever wrote a page log
        entry, on any site; keep it to the requester's colleagues (another OPD's people stay
        unnamed). The report's rows are already limited to what the user may read."""
        from wagtail.admin.views.reports.audit_logging import SiteHistoryReportFilterSet

        from .scoping import visible_people

        wagtail_users = SiteHistoryReportFilterSet.get_users_queryset

        def get_users_queryset(filterset):
            colleagues = visible_people(filterset.request).values("pk")
            return wagtail_users(filterset).filter(pk__in=colleagues)

        SiteHistoryReportFilterSet.get_users_queryset = get_users_queryset
