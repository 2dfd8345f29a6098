from django.apps import AppConfig


class MailConfig(AppConfig):
    """The outbox: e-mail stored with the change that causes it and sent after commit."""

    name = "stimulans.mail"
    label = "mail"
    verbose_name = "E-post"
