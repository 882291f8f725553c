"""Build workflow history at controlled times, through Wagtail's own workflow actions."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from news.models import NewsPage

WIB = ZoneInfo("Asia/Jakarta")


def wib(*args):
    return datetime(*args, tzinfo=WIB)


class Clock:
    """A hand on the wall clock that the test moves forward, step by step."""

    def __init__(self, start):
        self.now = start

    def advance(self, minutes):
        self.now += timedelta(minutes=minutes)
        return time_machine.travel(self.now, tick=False)

    def at(self):
        return time_machine.travel(self.now, tick=False)


def submit_news(index, penulis, title, clock):
    with clock.at():
        page = NewsPage(title=title, lead="Teras berita.", live=False, owner=penulis)
        index.add_child(instance=page)
        page.save_revision(user=penulis)
        page.get_workflow().start(page, penulis)
    return page


def act(page, user, action, clock, after_minutes, comment=""):
    """``user`` takes ``action`` on the page's current step ``after_minutes`` later."""
    with clock.advance(after_minutes):
        page.refresh_from_db()
        task_state = page.current_workflow_task_state
        task_state.task.specific.on_action(task_state, user, action, comment=comment)


def resubmit(page, penulis, clock, after_minutes):
    with clock.advance(after_minutes):
        page.refresh_from_db()
        page.save_revision(user=penulis)
        page.current_workflow_state.resume(user=penulis)
