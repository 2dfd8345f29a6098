from django.apps import AppConfig


class CodingConfig(AppConfig):
    name = "stimulans.coding"
    label = "coding"
    verbose_name = "Kodning"
