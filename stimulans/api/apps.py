from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "stimulans.api"
    label = "api"
