from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "stimulans.accounts"
    label = "accounts"
