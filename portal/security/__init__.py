"""Production hardening: allowed hosts, two-factor authentication, upload checks, CSP, bad posts.
Imports portal.core only.
"""
