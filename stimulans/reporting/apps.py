from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "stimulans.reporting"
    label = "reporting"

    def ready(self):
        from . import signals  # noqa: F401  (the initiatives' workbench key follows its sources)
