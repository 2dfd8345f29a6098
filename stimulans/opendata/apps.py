from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "stimulans.opendata"
    label = "opendata"
