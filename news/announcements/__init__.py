"""Pengumuman: announcements with a validity period and their list page.
Imports news.listing, opd and portal.
"""
