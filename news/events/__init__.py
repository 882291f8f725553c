"""Agenda: events, the upcoming and past lists and iCalendar feeds.
Imports news.listing, opd and portal.
"""
