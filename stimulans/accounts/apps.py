from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "stimulans.accounts"
    label = "accounts"

    def ready(self):
        from . import audit  # noqa: F401  (connects the audit log's signal receivers)
