"""Every public content type: berita, and announcements, events, library, gallery on one listing base.
Imports moderation, opd and portal.
"""
