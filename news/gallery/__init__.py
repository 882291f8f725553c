"""Galeri: photo and video albums and their list page.
Imports news.listing, opd and portal.
"""
