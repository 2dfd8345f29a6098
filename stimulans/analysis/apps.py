from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "stimulans.analysis"
    label = "analysis"

    def ready(self):
        # Imported here, not at the top: they import models, which the app registry loads
        # only after every AppConfig is created.
        from stimulans.core import setup

        from .indicators import load_indicators

        if not any(label == "indikatorer" for label, _loader in setup.REFERENCE_LOADERS):
            setup.REFERENCE_LOADERS.append(("indikatorer", load_indicators))
