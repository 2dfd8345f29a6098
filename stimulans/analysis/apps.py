from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "stimulans.analysis"
    label = "analysis"

    def ready(self):
        from stimulans.core import setup

        from .services import load_indicators

        if not any(label == "indikatorer" for label, _loader in setup.REFERENCE_LOADERS):
            setup.REFERENCE_LOADERS.append(("indikatorer", load_indicators))
