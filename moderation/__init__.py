"""The SOP as Wagtail workflow tasks, change requests, serta-merta publication and Plt/Plh delegation.
Imports opd and portal; never a page type (moderation/page_types.py names them by setting).
"""
