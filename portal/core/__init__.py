"""BasePage, shared blocks, listings, feeds, per-worker caches and routing: the base of every page type.
Imports Django, Wagtail and libraries only; knows no feature.
"""
