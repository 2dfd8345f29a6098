import pytest
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
        self.assertAccess("/healthz/", allowed=[self.alice, self.cora, self.anna, None], ok=200)


def test_failpoints_are_inactive_without_the_variable(monkeypatch, tmp_path):
    marker = tmp_path / "marker"
    monkeypatch.setenv("STIMULANS_FAILPOINT_MARKER", str(marker))
    monkeypatch.delenv("STIMULANS_FAILPOINTS", raising=False)
    assert failpoint("report.submit") is None  # neither raises nor pauses
    assert not marker.exists()
    # Nor does a failpoint fire when the variable names only another one.
    monkeypatch.setenv("STIMULANS_FAILPOINTS", "report.save_draft=error")
    assert failpoint("report.submit") is None
    assert not marker.exists()
    # Without the variable the deploy check has nothing to say about failpoints.
    monkeypatch.delenv("STIMULANS_FAILPOINTS")
    errors = run_checks(include_deployment_checks=True)
    assert not any(e.id == "stimulans.E001" for e in errors)


def test_failpoint_error_and_deploy_check(monkeypatch, tmp_path):
    marker = tmp_path / "marker"
    monkeypatch.setenv("STIMULANS_FAILPOINTS", "report.submit=error")
    monkeypatch.setenv("STIMULANS_FAILPOINT_MARKER", str(marker))
    with pytest.raises(RuntimeError, match="report.submit"):
        failpoint("report.submit")
    assert marker.read_text() == "report.submit"
    errors = [e for e in run_checks(include_deployment_checks=True) if e.id == "stimulans.E001"]
    assert len(errors) == 1
    assert "STIMULANS_FAILPOINTS" in errors[0].msg
