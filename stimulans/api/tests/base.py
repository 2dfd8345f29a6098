"""API test set-up: the reporting test data (2020 agreement, questionnaires, allocations) and a
token client."""

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from stimulans.reporting import services
from stimulans.reporting.tests.base import ReportingTestCase, complete_answers  # noqa: F401


class ApiTestCase(ReportingTestCase):
    client_class = APIClient

    def auth(self, user):
        token, _created = Token.objects.get_or_create(user=user)
        self.client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

    def anonymous(self):
        self.client.credentials()
        self.client.logout()

    # assertAccess sends its requests with a token, as API clients do.
    login = auth
    logout = anonymous

    def assertAnonymousRefused(self, response, where=""):
        """An API request without a token gets 401."""
        self.assertEqual(response.status_code, 401, where)

    def make_report(self, org, pot, user, data=None):
        report, _created = services.get_or_create_report(org, pot, user)
        if data:
            services.save_draft(report, data, user, report.version)
        return report
