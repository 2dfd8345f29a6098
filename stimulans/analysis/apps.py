from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "stimulans.analysis"
    label = "analysis"
