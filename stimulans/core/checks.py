import os

from django.core.checks import Error, Tags, register

from stimulans.lib.faults import ENV


@register(Tags.security, deploy=True)
def no_failpoints_in_production(app_configs, **kwargs):
    if os.environ.get(ENV):
        return [
            Error(
                f"{ENV} is set: failpoints are for tests only.",
                id="stimulans.E001",
            )
        ]
    return []
