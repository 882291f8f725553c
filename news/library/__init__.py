"""Dokumen dan regulasi: document pages and the filterable library.
Imports news.listing, opd and portal.
"""
