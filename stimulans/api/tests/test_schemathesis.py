"""Hostile input for the API: schemathesis generates requests from the OpenAPI schema that the
API serves at /api/v1/schema/ and sends them in-process to the WSGI application with every
role's token. Every check of schemathesis runs (no server error, documented status codes,
content types, headers and bodies, schema-valid requests accepted, invalid ones refused,
authentication enforced), and no answer may carry another organisation's data (a reporter sees
their own organisation, a county coordinator their county)."""

import contextlib
import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis.config import PositiveDataAcceptanceConfig
from schemathesis.core.parameters import ParameterLocation

from stimulans.core.setup import load_reference_data
from stimulans.funds.models import Allocation, Pot
from stimulans.funds.services import allocate_agreement
from stimulans.organisations.models import Organisation, OrganisationKind
from stimulans.reporting import services
from stimulans.reporting.models import Report
from stimulans.reporting.tests.base import complete_answers
from stimulans.test import BaseTestCase, make_population
from stimulans.wsgi import application

pytestmark = pytest.mark.slow  # schemathesis over the whole API

# Examples per operation and role: 7 operations × 5 roles × this stays well under a minute.
# Set STIMULANS_FUZZ_EXAMPLES for a longer hunt.
EXAMPLES = int(os.environ.get("STIMULANS_FUZZ_EXAMPLES", "12"))


@contextlib.contextmanager
def connections_kept_open():
    """The WSGI handler closes the database connection when a request ends, which would end the
    test's transaction; Django's test client disconnects the same handler while it calls."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def organisations_in(payload):
    """Every organisation reference ({"kind", "code", ...}) in a JSON answer, at any depth."""
    found = []
    if isinstance(payload, dict):
        org = payload.get("organisation")
        if isinstance(org, dict) and "kind" in org and "code" in org:
            found.append((org["kind"], org["code"]))
        for value in payload.values():
            found.extend(organisations_in(value))
    elif isinstance(payload, list):
        for value in payload:
            found.extend(organisations_in(value))
    return found


def leaks(payload, allowed):
    """The organisations in `payload` outside `allowed` (None: everything is allowed)."""
    if allowed is None:
        return []
    return [org for org in organisations_in(payload) if org not in allowed]


class SchemathesisTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_reference_data()
        make_population(2019)
        agreement = allocate_agreement_2020()
        pots = Pot.objects.filter(part__agreement=agreement)
        mobila = pots.get(
            part__slug="handlingsplaner-mobila", recipient_kind=OrganisationKind.MUNICIPALITY
        )
        youth = pots.get(part__slug="barn-unga", recipient_kind=OrganisationKind.REGION)
        cls.reports = {}
        for user, org, pot, submit in [
            (cls.alice, cls.stockholm, mobila, False),
            (cls.bob, cls.botkyrka, mobila, True),
            (cls.charlie, cls.uppsala, mobila, False),
            (cls.regina, cls.region_stockholm, youth, False),
        ]:
            report, _created = services.get_or_create_report(org, pot, user)
            answers = complete_answers(pot, funds_explanation="Medel från 2019 användes.")
            services.save_draft(report, answers, user, report.version)
            if submit:
                assert not services.submit(report, user)
            cls.reports[org.code] = report
        cls.tokens = {
            user.username: Token.objects.create(user=user).key
            for user in (cls.alice, cls.bob, cls.cora, cls.anna, cls.adam, cls.charlie)
        }

    def allowed(self, user):
        """(kind, code) of every organisation whose data `user` may read; None for all."""
        if user.reads_everything:
            return None
        if user.role == "county_coordinator":
            orgs = Organisation.objects.filter(county_id=user.county_id)
        else:
            orgs = Organisation.objects.filter(pk=user.organisation_id)
        return {(o.kind, o.code) for o in orgs}

    def load_schema(self, user):
        headers = {"Authorization": f"Token {self.tokens[user.username]}"}
        with connections_kept_open():
            schema = schemathesis.openapi.from_wsgi(
                "/api/v1/schema/?format=json", application, headers=headers
            )
        # A well-formed write the report cannot take (a measure its pot does not collect,
        # which the schema cannot say) is 422, as the schema documents.
        schema.config.checks.positive_data_acceptance = PositiveDataAcceptanceConfig(
            expected_statuses=["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]
        )
        return schema, headers

    def anchor(self, case, data, ids):
        """Steer some generated cases to real objects, so that they get past 404 and 409 and
        reach the code behind: an existing id (the user's own or another organisation's), the
        report's current version, a real pot. A part generated to break the schema is left as
        it is (anchoring it would make the request valid, and the checks expect a refusal)."""
        meta = case.meta

        def negative(location):
            return meta is not None and meta.is_negative_at(location)

        if (
            "id" in (case.path_parameters or {})
            and not negative(ParameterLocation.PATH)
            and data.draw(st.booleans())
        ):
            kind = "allocation" if "allocations" in case.path else "report"
            case.path_parameters = {"id": data.draw(st.sampled_from(ids[kind]))}
        if (
            not isinstance(case.body, dict)
            or negative(ParameterLocation.BODY)
            or not data.draw(st.booleans())
        ):
            return
        body = dict(case.body)
        if "version" in body or case.method == "PATCH":
            pk = (case.path_parameters or {}).get("id")
            report = Report.objects.filter(pk=pk).first() if isinstance(pk, int) else None
            if report is not None:
                body["version"] = report.version
        elif case.path == "/api/v1/reports/":
            body.pop("year", None)
            body.pop("part", None)
            body["pot"] = data.draw(st.sampled_from(ids["pot"]))
        case.body = body

    def fuzz(self, user):
        """Every operation of the schema with generated (valid and invalid) input, some of it
        aimed at existing reports and allocations of the user's and of other organisations.
        Returns the organisation references seen in the answers."""
        schema, headers = self.load_schema(user)
        allowed = self.allowed(user)
        orgs = [self.stockholm, self.botkyrka, self.uppsala, self.region_stockholm]
        ids = {
            "report": list(Report.objects.values_list("pk", flat=True)),
            "allocation": list(
                Allocation.objects.filter(organisation__in=orgs).values_list("pk", flat=True)
            ),
            # Mostly pots the user's organisation reports on, so that some reports get created.
            "pot": list(
                Pot.objects.filter(
                    recipient_kind=getattr(user.organisation, "kind", OrganisationKind.REGION)
                ).values_list("pk", flat=True)
            )
            + [Pot.objects.first().pk],
        }
        seen = []
        operations = [result.ok() for result in schema.get_all_operations()]
        self.assertGreaterEqual(len(operations), 7, [op.label for op in operations])
        for operation in operations:
            strategies = [operation.as_strategy()]
            with contextlib.suppress(Exception):  # some operations have nothing to negate
                strategies.append(operation.as_strategy(schemathesis.GenerationMode.NEGATIVE))

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                derandomize=True,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(case=st.one_of(strategies), data=st.data())
            def run(case, data):
                self.anchor(case, data, ids)
                response = case.call(headers=headers)
                case.validate_response(response, headers=headers)
                content_type = {k.lower(): v for k, v in response.headers.items()}.get(
                    "content-type", [""]
                )[0]
                if "json" in content_type:
                    payload = response.json()
                    seen.extend(organisations_in(payload))
                    self.assertEqual(
                        leaks(payload, allowed),
                        [],
                        f"{user.username}: {case.method} {case.formatted_path} "
                        f"{case.query} answered {response.status_code} with another "
                        f"organisation's data",
                    )

            with connections_kept_open():
                run()
        return seen

    def test_reporter_alice(self):
        seen = self.fuzz(self.alice)
        # The check looked at real answers: alice's own report and allocations came back.
        self.assertIn(("municipality", "0180"), seen)

    def test_reporter_bob(self):
        seen = self.fuzz(self.bob)
        self.assertIn(("municipality", "0127"), seen)

    def test_county_coordinator_cora(self):
        seen = self.fuzz(self.cora)
        self.assertIn(("municipality", "0127"), seen)

    def test_analyst_anna(self):
        seen = self.fuzz(self.anna)
        self.assertIn(("municipality", "0380"), seen)

    def test_national_admin_adam(self):
        seen = self.fuzz(self.adam)
        self.assertIn(("municipality", "0380"), seen)

    def test_it_checks_ownership(self):
        # The leak check itself: everything alice's token reads is alice's, and the same answers
        # would be leaks for bob (so the check can fail); without a token there is nothing.
        from rest_framework.test import APIClient

        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {self.tokens['alice']}")
        payloads = [
            client.get("/api/reports/").json(),
            client.get("/api/allocations/").json(),
            client.get(f"/api/reports/{self.reports['0180'].pk}/").json(),
        ]
        for payload in payloads:
            self.assertTrue(organisations_in(payload))
            self.assertEqual(leaks(payload, self.allowed(self.alice)), [])
            self.assertTrue(leaks(payload, self.allowed(self.bob)))
            self.assertEqual(leaks(payload, self.allowed(self.cora)), [])
            self.assertTrue(leaks(payload, self.allowed(self.otto)))
        client.credentials()
        self.assertEqual(client.get("/api/reports/").status_code, 401)


def allocate_agreement_2020():
    from stimulans.funds.models import Agreement

    agreement = Agreement.objects.get(year=2020)
    allocate_agreement(agreement)
    return agreement
