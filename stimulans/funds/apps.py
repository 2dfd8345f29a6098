from django.apps import AppConfig


class FundsConfig(AppConfig):
    name = "stimulans.funds"
    label = "funds"
