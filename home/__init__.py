"""The home page and profile pages of every site, with their navigation and search.
Imports moderation, opd, portal (and no other page app).
"""
