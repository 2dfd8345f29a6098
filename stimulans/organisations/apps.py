from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "stimulans.organisations"
    label = "organisations"
