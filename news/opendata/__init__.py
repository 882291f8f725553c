"""Data terbuka (Satu Data Indonesia): dataset pages, the regency-wide catalogue at /data/, the
CKAN-compatible read API and the DCAT catalogue. Imports news.listing, opd and portal.
"""
