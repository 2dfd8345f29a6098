from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "stimulans.support"
    label = "support"

    def ready(self):
        from . import signals  # noqa: F401  (a submitted report's support needs flow in)
