from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Background jobs: long work run by `stimulans worker` (django-tasks' database backend)
    off the request, each recorded as a `Job` with its progress and result."""

    name = "stimulans.jobs"
    label = "jobs"
    verbose_name = "Bakgrundsjobb"
