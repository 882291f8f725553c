"""Cache-Control for Varnish and purging of pages, their lists and feeds on publish.
Reads Wagtail's page tree; imports no page type.
"""
