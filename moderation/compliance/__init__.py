"""Mutu baku: step timings, the compliance report and dashboard panel, reminders and escalations.
Imports moderation, opd and portal.
"""
