from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "stimulans.core"
    label = "core"
