"""The integrity monitor: findings with restore/unpublish, submission warnings, the freshness report.
Imports moderation, opd and portal.
"""
