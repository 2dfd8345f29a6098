from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "stimulans.reporting"
    label = "reporting"

    def ready(self):
        from stimulans.core import demo, setup

        from .demo import load_demo_reports
        from .questionnaires.loader import load_questionnaires_2020

        # Appended, so it runs after the agreement (and its pots) are loaded.
        if not any(label == "enkäter 2020" for label, _loader in setup.REFERENCE_LOADERS):
            setup.REFERENCE_LOADERS.append(("enkäter 2020", load_questionnaires_2020))
        if load_demo_reports not in demo.DEMO_HOOKS:
            demo.DEMO_HOOKS.append(load_demo_reports)
