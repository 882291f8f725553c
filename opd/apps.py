from django.apps import AppConfig


class OpdConfig(AppConfig):
    name = "opd"
    verbose_name = "OPD"

    def ready(self):
        self.scope_page_listing_filters()

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
