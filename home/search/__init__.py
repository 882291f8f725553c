"""/cari/: search of one site or the whole portal, and the PostgreSQL text-search check.
Imports opd and portal.
"""
