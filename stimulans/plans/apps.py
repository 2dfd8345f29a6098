from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "stimulans.plans"
    label = "plans"

    def ready(self):
        from stimulans.reporting.services import plan_activities

        from .report_links import activity_choices

        plan_activities.register(activity_choices)
