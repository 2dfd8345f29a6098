from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "stimulans.plans"
    label = "plans"

    def ready(self):
        from stimulans.core.demo import DEMO_HOOKS

        from .demo import load_demo_plans

        if load_demo_plans not in DEMO_HOOKS:
            DEMO_HOOKS.append(load_demo_plans)
