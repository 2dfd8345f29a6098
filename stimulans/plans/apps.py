from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "stimulans.plans"
    label = "plans"
