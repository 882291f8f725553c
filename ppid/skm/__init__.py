"""Survei Kepuasan Masyarakat (PermenPANRB 14/2017): the public survey per OPD, its periods, the
IKM per unsur, per service and per OPD, the admin report and the published result pages.
Imports ppid (Standar Pelayanan, abuse limits), moderation (the integrity scanner), opd and portal.
"""
