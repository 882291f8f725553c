"""The interface's languages: our Indonesian for Wagtail's strings, kept in step and compiled without gettext.
Imports Wagtail only (its catalogues and templates).
"""
