from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "news.events"
    label = "events"
    verbose_name = "Agenda"
