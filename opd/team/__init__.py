"""Each OPD's people, run by its own Web Administrator: accounts, invitations, the team changes report.
Imports opd and portal.
"""
