"""Newsroom planning: coverage assignments, their checklist and timings, the editorial calendar.
Imports moderation, opd and portal; news and event page types by setting.
"""
