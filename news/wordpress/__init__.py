"""Moving an OPD's WordPress site into its subsite: the WXR import (issue 22).

Reads a WordPress export (WXR 1.1/1.2) streamed and hardened, and files its posts as news
pages, its pages as profile pages and its attachments as images and documents of the OPD,
with redirects from every old address. May import ``news``, ``home``, ``moderation``, ``opd``
and ``portal``.
"""
