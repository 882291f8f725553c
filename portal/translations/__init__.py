"""Content in two languages: translations submitted to the SOP, the language switcher, hreflang, the sitemap.
Imports Wagtail and wagtail-localize; knows no page type and no OPD.
"""
