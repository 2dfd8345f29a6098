from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "stimulans.evaluation"
    label = "evaluation"
