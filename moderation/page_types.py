"""The page types the newsroom and the integrity monitor work with, named by settings.

moderation/ carries any page through Wagtail's workflow and imports no page app (the layers in
pyproject.toml). Where it must make or count a particular kind of page (a news draft from a
coverage assignment, the last news of an OPD, the agenda beside the assignments) it asks for the
model by the name in settings, as Django does with AUTH_USER_MODEL.
"""

from django.apps import apps
from django.conf import settings


def news_page_model():
    return apps.get_model(settings.PORTAL_NEWS_PAGE_MODEL)


def news_index_page_model():
    return apps.get_model(settings.PORTAL_NEWS_INDEX_PAGE_MODEL)


def event_page_model():
    return apps.get_model(settings.PORTAL_EVENT_PAGE_MODEL)
