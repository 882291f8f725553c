"""JDIH: the regency's legal products (produk hukum) for the JDIHN national network.
Builds on news.library's DocumentPage; imports news.library, news.listing, home.navigation, opd and portal.
"""
