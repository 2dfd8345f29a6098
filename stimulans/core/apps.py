from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "stimulans.core"
    label = "core"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)
