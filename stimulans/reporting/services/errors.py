"""The errors of the report workflow (Swedish messages)."""

from django.utils.translation import gettext as _


class WorkflowError(ValueError):
    """The action is not possible in the report's current state."""


class ConcurrentEditError(WorkflowError):
    """Someone saved the report after the version the caller edited."""

    def __init__(self, report, expected_version):
        self.report = report
        self.expected_version = expected_version
        super().__init__(
            _(
                "Redovisningen har ändrats av någon annan sedan du öppnade den (version "
                "%(expected)s, nu %(current)s). Dina ändringar är inte sparade; de finns kvar i "
                "formuläret. Ladda om sidan för att se den senaste versionen."
            )
            % {"expected": expected_version, "current": report.version}
        )
