"""SiteNavigation: each site's main menu, footer links and quick links (a site setting).
Imports portal only.
"""
