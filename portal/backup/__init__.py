"""backup_portal and restore_portal: the database and media, for make backup / make restore.
Imports Django only.
"""
