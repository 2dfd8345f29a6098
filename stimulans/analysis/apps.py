from django.apps import AppConfig


def _register_search_function(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        from .search_index import register

        register(connection.connection)


class AnalysisConfig(AppConfig):
    name = "stimulans.analysis"
    label = "analysis"

    def ready(self):
        from django.db.backends.signals import connection_created

        # The SQLite search index's triggers stem the texts with this function.
        connection_created.connect(_register_search_function, dispatch_uid="analysis_search")
