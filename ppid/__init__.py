"""UU 14/2008 and UU 25/2009: the PPID page, DIP, information requests and objections, standar pelayanan.
Imports home, news, moderation, opd and portal.
"""
