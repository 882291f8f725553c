"""Peringatan darurat: the regency-wide banner (flood, forest fire, haze) shown at the top of
every page of every site, and each OPD's lower-level notice for its own site (issue 24).
Imports opd and portal.
"""
