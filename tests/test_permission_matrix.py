"""The permission matrix, walked: every admin URL, as every OPD role and as a visitor.

Every URL pattern under the admin prefix (read from Django's resolver, so a new view of
Wagtail, a package or ours is walked without being listed by hand) is requested as each SOP
role of Dinas Kesehatan and anonymously, with its path filled with Dinas Kesehatan's own
objects and with another OPD's. ``RULES`` says which roles may open each view on their own
OPD's objects; on another OPD's objects every role is refused, and a visitor is sent to the
login (docs/permissions.md is the same table in words).

Refused means 403, 404, or Wagtail's redirect to the dashboard or the login page; allowed
means 200 or a redirect onwards. Whatever the answer, no body may contain a title, name or
person of the other OPD. A pattern without a rule fails the test, so a new admin view has
to be classified before it ships.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.test import Client, TestCase
from wagtail.admin.models import EditingSession
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, TaskState

from opd.roles import Role
from ppid.models import InformationRequest, Objection
from ppid.skm.models import SurveyPeriod, SurveyResponse
from tests.admin import login
from tests.permission_matrix import admin_patterns, build_world, has_objects, title_probe_urls, url_for

MARKER = "RAHASIALAIN"
LETTERS = {Role.PENULIS: "P", Role.EDITOR: "E", Role.REDAKTUR: "R", Role.WEBADMIN: "W", Role.PPID: "I"}


@dataclass(frozen=True)
class R:
    """Who may use a view: ``roles`` (letters P, E, R, W) on their own OPD's objects;
    ``anon`` when a visitor may open it (login, password reset, static helpers); ``method``
    POST for views that refuse GET (405) and act on POST only."""

    roles: str
    anon: bool = False
    method: str = "GET"


# fmt: off
RULES = {
    "wagtailadmin_home": R("PERW"),
    "admin/test404/": R("PERW"),
    "wagtailadmin_api:pages:listing": R("PERW"),
    "wagtailadmin_api:pages:detail": R("PERW"),
    "wagtailadmin_api:pages:find": R(""),
    "wagtailadmin_api:pages:action": R("", method="POST"),
    "wagtailadmin_api:documents:listing": R("PERW"),
    "wagtailadmin_api:documents:detail": R("PERW"),
    "wagtailadmin_api:documents:find": R(""),
    "wagtailadmin_api:images:listing": R("PERW"),
    "wagtailadmin_api:images:detail": R("PERW"),
    "wagtailadmin_api:images:find": R(""),
    "wagtailadmin_error_test": R(""),
    "wagtailadmin_explore_root": R("PERW"),
    "wagtailadmin_explore": R("PERW"),
    "wagtailadmin_explore_results": R("PERW"),
    "wagtail_bulk_action": R(""),
    "wagtailadmin_pages:add": R("PERW"),
    "wagtailadmin_pages:preview_on_add": R("PERW"),
    "wagtailadmin_pages:type_use": R("PERW"),
    "wagtailadmin_pages:choose_parent": R("PERW"),
    "wagtailadmin_pages:type_use_results": R("PERW"),
    "wagtailadmin_pages:usage": R("PERW"),
    "wagtailadmin_pages:edit": R("PERW"),
    "wagtailadmin_pages:preview_on_edit": R("PERW"),
    "wagtailadmin_pages:view_draft": R("PERW"),
    "wagtailadmin_pages:add_subpage": R("PERW"),
    "wagtailadmin_pages:delete": R(""),
    "wagtailadmin_pages:unpublish": R(""),
    "wagtailadmin_pages:convert_alias": R(""),
    "wagtailadmin_pages:search": R("PERW"),
    "wagtailadmin_pages:search_results": R("PERW"),
    "wagtailadmin_pages:move": R(""),
    "wagtailadmin_pages:move_confirm": R("PERW"),
    "wagtailadmin_pages:set_page_position": R("", method="POST"),
    "wagtailadmin_pages:copy": R("PERW"),
    "wagtailadmin_pages:workflow_action": R("E"),
    "wagtailadmin_pages:collect_workflow_action_data": R("E"),
    "wagtailadmin_pages:confirm_workflow_cancellation": R("PERW"),
    "wagtailadmin_pages:workflow_preview": R("E"),
    "wagtailadmin_pages:set_privacy": R(""),
    "wagtailadmin_pages:lock": R("", method="POST"),
    "wagtailadmin_pages:unlock": R("", method="POST"),
    "wagtailadmin_pages:revisions_index": R("PERW"),
    "wagtailadmin_pages:revisions_view": R("PERW"),
    "wagtailadmin_pages:revisions_revert": R("PERW"),
    "wagtailadmin_pages:revisions_unschedule": R(""),
    "wagtailadmin_pages:revisions_compare": R("PERW"),
    "wagtailadmin_pages:workflow_history": R("PERW"),
    "wagtailadmin_pages:workflow_history_detail": R("PERW"),
    "wagtailadmin_pages:history": R("PERW"),
    "wagtailadmin_pages:history_results": R("PERW"),
    "wagtailadmin_choose_page": R("PERW"),
    "wagtailadmin_choose_page_child": R("PERW"),
    "wagtailadmin_choose_page_search": R("PERW"),
    "wagtailadmin_choose_page_chosen_multiple": R("PERW"),
    "wagtailadmin_choose_page_external_link": R("PERW"),
    "wagtailadmin_choose_page_email_link": R("PERW"),
    "wagtailadmin_choose_page_phone_link": R("PERW"),
    "wagtailadmin_choose_page_anchor_link": R("PERW"),
    "wagtailadmin_tag_autocomplete": R("PERW"),
    "wagtailadmin_tag_model_autocomplete": R(""),
    "wagtailadmin_collections:index": R(""),
    "wagtailadmin_collections:add": R(""),
    "wagtailadmin_collections:edit": R(""),
    "wagtailadmin_collections:delete": R(""),
    "wagtailadmin_collections:set_privacy": R(""),
    "wagtailadmin_workflows:index": R(""),
    "wagtailadmin_workflows:index_results": R(""),
    "wagtailadmin_workflows:add": R(""),
    "wagtailadmin_workflows:enable": R("", method="POST"),
    "wagtailadmin_workflows:disable": R(""),
    "wagtailadmin_workflows:edit": R(""),
    "wagtailadmin_workflows:usage": R(""),
    "wagtailadmin_workflows:usage_results": R(""),
    "wagtailadmin_workflows:remove(page_pk)": R("", method="POST"),
    "wagtailadmin_workflows:remove(page_pk,workflow_pk)": R("", method="POST"),
    "wagtailadmin_workflows:add_task": R(""),
    "wagtailadmin_workflows:select_task_type": R(""),
    "wagtailadmin_workflows:task_index": R(""),
    "wagtailadmin_workflows:task_index_results": R(""),
    "wagtailadmin_workflows:edit_task": R(""),
    "wagtailadmin_workflows:disable_task": R(""),
    "wagtailadmin_workflows:enable_task": R("", method="POST"),
    "wagtailadmin_workflows:task_chooser": R(""),
    "wagtailadmin_workflows:task_chooser_results": R(""),
    "wagtailadmin_workflows:task_chooser_create": R(""),
    "wagtailadmin_workflows:task_chosen": R(""),
    "wagtailadmin_reports:locked_pages": R("W"),
    "wagtailadmin_reports:locked_pages_results": R("W"),
    "wagtailadmin_reports:workflow": R("PERW"),
    "wagtailadmin_reports:workflow_results": R("PERW"),
    "wagtailadmin_reports:workflow_tasks": R("PERW"),
    "wagtailadmin_reports:workflow_tasks_results": R("PERW"),
    "wagtailadmin_reports:site_history": R("PERW"),
    "wagtailadmin_reports:site_history_results": R("PERW"),
    "wagtailadmin_reports:aging_pages": R("PERW"),
    "wagtailadmin_reports:aging_pages_results": R("PERW"),
    "wagtailadmin_reports:page_types_usage": R(""),
    "wagtailadmin_reports:page_types_usage_results": R(""),
    "wagtailadmin_account": R("PERW"),
    "wagtailadmin_dismissibles": R("PERW"),
    "wagtailadmin_editing_sessions:ping": R("", method="POST"),
    "wagtailadmin_editing_sessions:release": R("", method="POST"),
    "wagtailadmin_block_preview": R(""),
    "opd_delegations": R("W"),
    "moderation_fast_track_reviews": R("PERW"),
    "moderation_fast_track": R("RW"),
    "moderation_step_already_decided": R(""),
    "compliance_report": R("PERW"),
    "integrity_findings": R("PERW"),
    "integrity_freshness": R("PERW"),
    "security_2fa_verify": R("PERW"),
    "security_2fa_setup": R("PERW"),
    "wagtail_localize:javascript_catalog": R("PERW"),
    "wagtail_localize:submit_page_translation": R("PERW"),
    "wagtail_localize:submit_snippet_translation": R(""),
    "wagtail_localize:update_translations": R("PERW"),
    "wagtail_localize:edit_string_translation": R("", method="POST"),
    "wagtail_localize:edit_override": R("", method="POST"),
    "wagtail_localize:download_pofile": R("PERW"),
    "wagtail_localize:upload_pofile": R("", method="POST"),
    "wagtail_localize:machine_translate": R("", method="POST"),
    "wagtail_localize:preview_translation(translation_id)": R("PERW"),
    "wagtail_localize:preview_translation(mode,translation_id)": R(""),
    "wagtail_localize:stop_translation": R("", method="POST"),
    "wagtail_localize:convert_to_alias": R(""),
    "wagtail_localize:translations_report": R(""),
    "wagtail_localize:snippets_api_listing": R(""),
    "wagtail_localize:snippets_api_detail": R(""),
    "wagtail_localize:translations_report_results": R(""),
    "wagtailredirects:index": R(""),
    "wagtailredirects:index_results": R(""),
    "wagtailredirects:add": R(""),
    "wagtailredirects:edit": R(""),
    "wagtailredirects:delete": R(""),
    "wagtailredirects:start_import": R(""),
    "wagtailredirects:process_import": R(""),
    "wagtailsettings:edit(app_name,model_name)": R("W"),
    "wagtailsettings:edit(app_name,model_name,pk)": R("W"),
    "wagtailsettings:preview_on_edit": R(""),
    "wagtailembeds:chooser": R("PERW"),
    "wagtailembeds:chooser_upload": R("PERW"),
    "wagtailsnippets:index": R(""),
    "wagtaildocs:index": R("PERW"),
    "wagtaildocs:index_results": R("PERW"),
    "wagtaildocs:add": R("PERW"),
    "wagtaildocs:edit": R("PERW"),
    "wagtaildocs:delete": R("PERW"),
    "wagtaildocs:add_multiple": R("PERW"),
    "wagtaildocs:edit_multiple": R("", method="POST"),
    "wagtaildocs:create_multiple_from_uploaded_document": R("", method="POST"),
    "wagtaildocs:delete_multiple": R("", method="POST"),
    "wagtaildocs:delete_upload_multiple": R("", method="POST"),
    "wagtaildocs:document_usage": R("PERW"),
    "wagtailimages:index": R("PERW"),
    "wagtailimages:index_results": R("PERW"),
    "wagtailimages:edit": R("PERW"),
    "wagtailimages:delete": R("PERW"),
    "wagtailimages:url_generator": R(""),
    "wagtailimages:url_generator_output": R(""),
    "wagtailimages:preview": R("PERW"),
    "wagtailimages:add": R("PERW"),
    "wagtailimages:image_usage": R("PERW"),
    "wagtailimages:add_multiple": R("PERW"),
    "wagtailimages:edit_multiple": R("", method="POST"),
    "wagtailimages:create_multiple_from_uploaded_image": R("", method="POST"),
    "wagtailimages:delete_multiple": R("", method="POST"),
    "wagtailimages:delete_upload_multiple": R("", method="POST"),
    "wagtailsnippets_workdays_nonworkingday:list": R(""),
    "wagtailsnippets_workdays_nonworkingday:list_results": R(""),
    "wagtailsnippets_workdays_nonworkingday:add": R(""),
    "wagtailsnippets_workdays_nonworkingday:edit": R(""),
    "wagtailsnippets_workdays_nonworkingday:delete": R(""),
    "wagtailsnippets_workdays_nonworkingday:usage": R(""),
    "wagtailsnippets_workdays_nonworkingday:history": R(""),
    "wagtailsnippets_workdays_nonworkingday:history_results": R(""),
    "wagtailsnippets_workdays_nonworkingday:copy": R(""),
    "wagtailsnippetchoosers_workdays_nonworkingday:choose": R("PERW"),
    "wagtailsnippetchoosers_workdays_nonworkingday:choose_results": R("PERW"),
    "wagtailsnippetchoosers_workdays_nonworkingday:chosen": R("PERW"),
    "wagtailsnippetchoosers_workdays_nonworkingday:chosen_multiple": R("PERW"),
    "wagtailsnippetchoosers_workdays_nonworkingday:create": R(""),
    "wagtaillocales:index": R(""),
    "wagtaillocales:index_results": R(""),
    "wagtaillocales:add": R(""),
    "wagtaillocales:edit": R(""),
    "wagtaillocales:delete": R(""),
    "wagtaillocales:history": R(""),
    "wagtaillocales:history_results": R(""),
    "wagtaillocales:usage": R(""),
    "wagtaillocales:copy": R(""),
    "wagtailsites:index": R(""),
    "wagtailsites:index_results": R(""),
    "wagtailsites:add": R(""),
    "wagtailsites:edit": R(""),
    "wagtailsites:delete": R(""),
    "wagtailsites:history": R(""),
    "wagtailsites:history_results": R(""),
    "wagtailsites:usage": R(""),
    "wagtailsites:copy": R(""),
    "wagtailusers_users:index": R(""),
    "wagtailusers_users:index_results": R(""),
    "wagtailusers_users:add": R(""),
    "wagtailusers_users:edit": R(""),
    "wagtailusers_users:delete": R(""),
    "wagtailusers_users:history": R(""),
    "wagtailusers_users:history_results": R(""),
    "wagtailusers_users:usage": R(""),
    "wagtailusers_users:copy": R(""),
    "wagtailusers_groups:index": R(""),
    "wagtailusers_groups:index_results": R(""),
    "wagtailusers_groups:add": R(""),
    "wagtailusers_groups:edit": R(""),
    "wagtailusers_groups:delete": R(""),
    "wagtailusers_groups:history": R(""),
    "wagtailusers_groups:history_results": R(""),
    "wagtailusers_groups:usage": R(""),
    "wagtaildocs_chooser:choose": R("PERW"),
    "wagtaildocs_chooser:choose_results": R("PERW"),
    "wagtaildocs_chooser:chosen": R("PERW"),
    "wagtaildocs_chooser:chosen_multiple": R("PERW"),
    "wagtaildocs_chooser:create": R("PERW"),
    "wagtailimages_chooser:choose": R("PERW"),
    "wagtailimages_chooser:choose_results": R("PERW"),
    "wagtailimages_chooser:chosen": R("PERW"),
    "wagtailimages_chooser:chosen_multiple": R("PERW"),
    "wagtailimages_chooser:create": R("PERW"),
    "wagtailimages_chooser:select_format": R("PERW"),
    "wagtailadmin_sprite": R("PERW", anon=True),
    "wagtailadmin_login": R("", anon=True),
    "wagtailadmin_password_reset": R("PERW", anon=True),
    "wagtailadmin_password_reset_done": R("PERW", anon=True),
    "wagtailadmin_password_reset_confirm": R("PERW", anon=True),
    "wagtailadmin_password_reset_complete": R("PERW", anon=True),
    "wagtailadmin_javascript_catalog": R("PERW", anon=True),
    "admin/^.*/$": R(""),
    "wagtailadmin_logout": R("", method="POST"),
    # The OPD's team (team/): its Web Administrator only.
    "team_index": R("W"),
    "team_people": R("W"),
    "team_create": R("W"),
    "team_edit": R("W"),
    "team_deactivate": R("W"),  # GET asks for confirmation
    "team_reactivate": R("W", method="POST"),
    "team_password_link_send": R("W", method="POST"),
    "team_changes_report": R("W"),
    "team_changes_report_results": R("W"),
    # Submitting a translation to the SOP (translations/): every role may translate its own pages.
    "translations_submit": R("PERW"),
    # PPID (ppid/): requests and objections (identity data) to the OPD's PPID group only ("I");
    # the service report also to the Web Administrator, the DIP report to every role.
    "ppid_requests": R("I"),
    "ppid_request": R("I"),
    "ppid_objection": R("I"),
    "ppid_service_report": R("WI"),
    "ppid_dip_report": R("PERWI"),
    # Survei Kepuasan Masyarakat (ppid/skm/): the IKM report to every role (its own OPD), the
    # suggestions to the PPID and Web Administrator, the periods to the Web Administrator.
    "skm_report": R("PERWI"),
    "skm_suggestions": R("WI"),
    "skm_follow_up": R("WI", method="POST"),
    "skm_periods": R("W"),
    "skm_close_period": R("W", method="POST"),
    # Per-site news categories: managed by the Web Administrator, chosen by every role.
    "wagtailsnippets_news_newscategory:list": R("W"),
    "wagtailsnippets_news_newscategory:list_results": R("W"),
    "wagtailsnippets_news_newscategory:add": R("W"),
    "wagtailsnippets_news_newscategory:edit": R("W"),
    "wagtailsnippets_news_newscategory:copy": R("W"),
    "wagtailsnippets_news_newscategory:delete": R("W"),
    "wagtailsnippets_news_newscategory:history": R("W"),
    "wagtailsnippets_news_newscategory:history_results": R("W"),
    "wagtailsnippets_news_newscategory:usage": R("W"),
    "wagtailsnippetchoosers_news_newscategory:choose": R("PERW"),
    "wagtailsnippetchoosers_news_newscategory:choose_results": R("PERW"),
    "wagtailsnippetchoosers_news_newscategory:chosen": R("PERW"),
    "wagtailsnippetchoosers_news_newscategory:chosen_multiple": R("PERW"),
    "wagtailsnippetchoosers_news_newscategory:create": R("W"),
    # Alerts (home/alerts): the OPD's Web Administrator sets its own site's notice; the
    # regency-wide banner is the regency portal's Web Administrator's (home/alerts/tests).
    "wagtailsnippets_alerts_alert:list": R("W"),
    "wagtailsnippets_alerts_alert:list_results": R("W"),
    "wagtailsnippets_alerts_alert:add": R("W"),
    "wagtailsnippets_alerts_alert:edit": R("W"),
    "wagtailsnippets_alerts_alert:copy": R("W"),
    "wagtailsnippets_alerts_alert:delete": R("W"),
    "wagtailsnippets_alerts_alert:history": R("W"),
    "wagtailsnippets_alerts_alert:history_results": R("W"),
    "wagtailsnippets_alerts_alert:usage": R("W"),
    "wagtailsnippetchoosers_alerts_alert:choose": R("W"),
    "wagtailsnippetchoosers_alerts_alert:choose_results": R("W"),
    "wagtailsnippetchoosers_alerts_alert:chosen": R("W"),
    "wagtailsnippetchoosers_alerts_alert:chosen_multiple": R("W"),
    "wagtailsnippetchoosers_alerts_alert:create": R("W"),
    # Newsroom planning (newsroom/): the OPD's Editor or Redaktur assigns, the team covers.
    "newsroom_index": R("PERW"),
    "newsroom_calendar": R("PERW"),
    "newsroom_create": R("ER"),
    "newsroom_detail": R("PERW"),
    "newsroom_edit": R("ER"),
    "newsroom_upload": R("PER"),
    "newsroom_start": R("P", method="POST"),
    "newsroom_finish": R("P", method="POST"),
    "newsroom_create_draft": R("P", method="POST"),
    "newsroom_cancel": R("ER", method="POST"),
    # WordPress import (news/wordpress/): the OPD's Web Administrator, into its own OPD only.
    "wordpress_import": R("W"),
    "wordpress_import_run": R("W"),
    "wordpress_import_confirm": R("W", method="POST"),
}
# fmt: on

# POSTs on another OPD's object that answer 200 but do nothing (the snapshot proves it).
NO_OP_POSTS = {
    # Deletes only the requester's own editing session: EditingSession(id=..., user=request.user).
    "wagtailadmin_editing_sessions:release",
}


# Views a Penulis reaches on what is the walk's Penulis's own: their uploads, their assignment.
OWN_UPLOAD_VIEWS = {
    "newsroom_upload",
    "wagtaildocs:edit",
    "wagtaildocs:delete",
    "wagtaildocs:document_usage",
    "wagtailimages:edit",
    "wagtailimages:delete",
    "wagtailimages:preview",
    "wagtailimages:image_usage",
}


def may_use(rule, letter, key):
    """The PPID ("I") holds a Penulis's rights on the OPD's pages and media (opd/roles.py),
    but not on the Penulis's own uploads and assignments, plus its own views."""
    return letter in rule.roles or (letter == "I" and "P" in rule.roles and key not in OWN_UPLOAD_VIEWS)


def refused(response):
    location = response.get("Location", "")
    return response.status_code in (403, 404) or (
        response.status_code == 302 and (location == "/admin/" or location.startswith("/admin/login/"))
    )


def allowed(response):
    return response.status_code == 200 or (response.status_code in (301, 302) and not refused(response))


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


class PermissionMatrixTests(TestCase):
    maxDiff = None

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world(MARKER)
        cls.patterns = admin_patterns()

    def snapshot(self):
        """What another OPD owns, to prove that no refused POST changed any of it."""
        other = self.world.other
        pages = Page.objects.filter(path__startswith=other.opd.site.root_page.path)
        page_ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
        return {
            "pages": sorted(pages.values_list("pk", "live", "locked", "title", "path")),
            "revisions": Revision.objects.filter(
                object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]
            ).count(),
            "tasks": sorted(TaskState.objects.values_list("pk", "status")),
            "images": sorted(get_image_model().objects.values_list("pk", "title", "collection")),
            "documents": sorted(get_document_model().objects.values_list("pk", "title", "collection")),
            "editing_sessions": sorted(
                EditingSession.objects.filter(object_id__in=page_ids).values_list("pk", "user", "object_id")
            ),
            "users": sorted(get_user_model().objects.values_list("pk", "is_active", "last_name")),
            "information_requests": sorted(
                InformationRequest.objects.values_list("pk", "status", "due_date", "name")
            ),
            "objections": sorted(Objection.objects.values_list("pk", "status", "answer")),
            "survey_periods": sorted(SurveyPeriod.objects.values_list("pk", "closed_at")),
            "survey_responses": sorted(SurveyResponse.objects.values_list("pk", "followed_up_at")),
        }

    def walk(self, client, role):
        """Request every admin URL as ``role`` (None: a visitor); return what went wrong."""
        problems = []
        letter = LETTERS.get(role)
        before = self.snapshot()
        # Logging out ends the walk's session: leave it for last.
        for pattern in sorted(self.patterns, key=lambda p: p.name == "wagtailadmin_logout"):
            rule = RULES[pattern.key]
            scopes = [("own", self.world.own)]
            if has_objects(pattern):
                scopes.append(("other", self.world.other))
            for scope, objects in scopes:
                url = url_for(pattern, objects, self.world)
                may = (rule.anon if role is None else may_use(rule, letter, pattern.key)) and scope == "own"
                requests = []
                if rule.method == "GET":
                    requests.append(("GET", client.get(url), may))
                else:
                    requests.append(("GET", client.get(url), None))
                # A POST where it cannot do harm: on another OPD's objects, or as a visitor.
                if (scope == "other" or role is None) and not rule.anon:
                    requests.append(
                        ("POST", client.post(url, {}), "any" if pattern.key in NO_OP_POSTS else False)
                    )
                for method, response, expected in requests:
                    answer = f"{response.status_code} {response.get('Location', '')}"
                    where = f"{method} {url} ({pattern.key}, {scope}) → {answer}"
                    if MARKER in body(response):
                        problems.append(f"another OPD's content in {where}")
                    if expected is True and not allowed(response):
                        problems.append(f"refused, rule says allowed: {where}")
                    elif expected is False and not (
                        refused(response) or method == "POST" and response.status_code == 405
                    ):
                        problems.append(f"not refused: {where}")
                    elif expected is None and response.status_code != 405 and not refused(response):
                        problems.append(f"GET should be refused or not allowed: {where}")
        self.assertEqual(self.snapshot(), before)
        return problems

    def walk_as(self, role):
        client = login(self.world.own.people[role], host="dinkes.ketapangkab.localhost")
        self.assertEqual(self.walk(client, role), [])

    def test_every_admin_url_pattern_has_a_rule(self):
        keys = {pattern.key for pattern in self.patterns}
        self.assertGreater(len(keys), 200)
        self.assertEqual(sorted(keys - set(RULES)), [], "classify these new admin views in RULES")
        self.assertEqual(sorted(set(RULES) - keys), [], "these admin views no longer exist")

    def test_penulis_reaches_only_what_the_matrix_allows(self):
        self.walk_as(Role.PENULIS)

    def test_editor_reaches_only_what_the_matrix_allows(self):
        self.walk_as(Role.EDITOR)

    def test_redaktur_reaches_only_what_the_matrix_allows(self):
        self.walk_as(Role.REDAKTUR)

    def test_web_administrator_reaches_only_what_the_matrix_allows(self):
        self.walk_as(Role.WEBADMIN)

    def test_ppid_reaches_only_what_the_matrix_allows(self):
        self.walk_as(Role.PPID)

    def test_visitor_is_sent_to_the_login_everywhere_but_the_login_pages(self):
        client = Client(headers={"host": "dinkes.ketapangkab.localhost"})
        self.assertEqual(self.walk(client, None), [])

    def test_the_walk_sees_a_leak_when_there_is_one(self):
        # The marker check can fail: Dinas Kesehatan's own editor sees its own titles, and
        # another OPD's Editor walking the same URLs would see them.
        client = login(self.world.own.people[Role.EDITOR], host="dinkes.ketapangkab.localhost")
        own_page = url_for(
            next(p for p in self.patterns if p.key == "wagtailadmin_pages:edit"), self.world.own, self.world
        )
        self.assertIn("MILIKSENDIRI", body(client.get(own_page)))

    def probe_titles(self, client, post=True):
        """GET every title probe, and POST the bulk actions (``post``: the Web Developer's POST
        would act); return the answers naming the other OPD."""
        leaks = []
        for url in title_probe_urls(self.world):
            requests = [("GET", client.get(url))]
            if post and url.startswith("/admin/bulk/"):
                requests.append(("POST", client.post(url, {})))
            leaks += [
                f"{method} {url} → {response.status_code}"
                for method, response in requests
                if MARKER in body(response)
            ]
        return leaks

    def test_no_answer_to_any_role_names_another_opds_pages(self):
        # Bulk actions with another OPD's ids, choosers, searches, reports and their filters,
        # history and usage: a page (draft or in moderation) of another OPD is never named.
        before = self.snapshot()
        for role in LETTERS:
            with self.subTest(role=role):
                client = login(self.world.own.people[role], host="dinkes.ketapangkab.localhost")
                self.assertEqual(self.probe_titles(client), [])
        self.assertEqual(self.snapshot(), before)

    def test_bulk_action_on_another_opds_page_is_not_found_and_changes_nothing(self):
        client = login(self.world.own.people[Role.WEBADMIN], host="dinkes.ketapangkab.localhost")
        draft = self.world.other.draft
        for action in ("delete", "unpublish", "move", "publish"):
            url = f"/admin/bulk/wagtailcore/page/{action}/?id={draft.pk}"
            self.assertEqual(client.get(url).status_code, 404, url)
            self.assertEqual(client.post(url, {}).status_code, 404, url)
        self.assertTrue(Page.objects.filter(pk=draft.pk).exists())

    def test_bulk_action_on_own_pages_still_lists_them(self):
        client = login(self.world.own.people[Role.EDITOR], host="dinkes.ketapangkab.localhost")
        own = self.world.own.draft
        response = client.get(
            f"/admin/bulk/wagtailcore/page/delete/?id={own.pk}&id={self.world.other.draft.pk}"
        )
        self.assertContains(response, "MILIKSENDIRI draf")
        self.assertNotContains(response, MARKER)

    def test_the_title_probes_do_name_the_pages_for_the_web_developer(self):
        # Proves the probes reach the other OPD's titles: the Web Developer sees every OPD.
        client = login(self.world.superuser, host="dinkes.ketapangkab.localhost")
        self.assertGreater(len(self.probe_titles(client, post=False)), 20)

    def test_install_wide_reports_are_not_in_an_opd_roles_menu(self):
        client = login(self.world.own.people[Role.WEBADMIN], host="dinkes.ketapangkab.localhost")
        dashboard = body(client.get("/admin/"))
        self.assertIn("/admin/reports/site-history/", dashboard)  # the menu is there
        for hidden in ("/admin/localize/reports/translations/", "/admin/reports/page-types-usage/"):
            self.assertNotIn(hidden, dashboard)
