from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "stimulans.reporting"
    label = "reporting"
