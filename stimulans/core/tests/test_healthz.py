import os

from django.core.checks import run_checks

from stimulans.lib.faults import failpoint
from stimulans.test import BaseTestCase


class HealthzTestCase(BaseTestCase):
    def test_it_answers_without_login_or_database(self):
        with self.assertNumQueries(0):
            r = self.client.get("/healthz/")
        self.assertEqual(r.content, b"ok")

    def test_it_checks_ownership(self):
        # A health check is public on purpose: it shows nothing.
        for user in (self.alice, self.cora, self.anna):
            self.login(user)
            self.assertEqual(self.client.get("/healthz/").status_code, 200)


def test_failpoints_are_inactive_without_the_variable(monkeypatch):
    monkeypatch.delenv("STIMULANS_FAILPOINTS", raising=False)
    failpoint("report.submit")  # returns at once


def test_failpoint_error_and_deploy_check(monkeypatch, tmp_path):
    marker = tmp_path / "marker"
    monkeypatch.setenv("STIMULANS_FAILPOINTS", "report.submit=error")
    monkeypatch.setenv("STIMULANS_FAILPOINT_MARKER", str(marker))
    try:
        failpoint("report.submit")
    except RuntimeError as exc:
        assert "report.submit" in str(exc)
    else:
        raise AssertionError("the failpoint did not fire")
    assert marker.read_text() == "report.submit"
    errors = run_checks(include_deployment_checks=True)
    assert any(e.id == "stimulans.E001" for e in errors)
    assert os.environ["STIMULANS_FAILPOINTS"]
