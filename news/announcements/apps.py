from django.apps import AppConfig


class AnnouncementsConfig(AppConfig):
    name = "news.announcements"
    label = "announcements"
    verbose_name = "Pengumuman"
