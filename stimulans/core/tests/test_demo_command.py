import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Sum
from django.test import TestCase, override_settings

from stimulans.accounts.models import User
from stimulans.core.setup import load_reference_data
from stimulans.funds.models import Allocation, Pot
from stimulans.organisations.models import PopulationDataset


class DemoCommandTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_reference_data()

    def test_demo_creates_accounts_population_and_exact_allocations(self):
        out = StringIO()
        call_command("demo", stdout=out)
        for username in (
            "admin",
            "analytiker",
            "samordnare-01",
            "rapportor-0180",
            "rapportor-0127",
            "rapportor-region-01",
        ):
            self.assertIn(username, out.getvalue())
            self.assertTrue(User.objects.get(username=username).check_password("demo"))
        self.assertEqual(User.objects.get(username="rapportor-0127").organisation.code, "0127")
        self.assertTrue(User.objects.get(username="analytiker").is_lead)
        self.assertFalse(PopulationDataset.objects.get(year=2019).official)
        for pot in Pot.objects.filter(part__agreement__year__in=[2020, 2021]):
            total = Allocation.objects.filter(pot=pot).aggregate(t=Sum("amount_sek"))["t"]
            self.assertEqual(total, pot.amount_sek)
        self._check_second_year()
        self._check_dates_belong_to_the_cycle()
        self._check_swedish_plan()
        self._check_varied_initiatives()
        self._check_statistics()
        self._check_plan_follow_up()

    def _check_dates_belong_to_the_cycle(self):
        """Requisitions in 2020, the plan adopted and published in 2021, reports submitted by
        the deadline but one per pot: not everything shows "Försenad"."""
        from stimulans.funds.models import Requisition
        from stimulans.plans.models import ActionPlan
        from stimulans.reporting.models import Report
        from stimulans.reporting.services.reading import is_late

        years = {r.requested_at.year for r in Requisition.objects.all()}
        self.assertEqual(years, {2020})
        plan = ActionPlan.objects.get(county__code="01", year=2021)
        self.assertEqual((plan.adopted_on.year, plan.published_at.year), (2021, 2021))
        self.assertTrue(plan.adopted_by)
        for year in (2020, 2021):
            counted = list(
                Report.objects.counted()
                .filter(pot__part__agreement__year=year)
                .select_related("pot__part__agreement")
            )
            late = [r for r in counted if is_late(r)]
            self.assertGreater(len(counted), 40, year)
            # At most the one late report per pot the demo makes on purpose.
            pots = {r.pot_id for r in counted}
            self.assertLessEqual(len(late), len(pots), year)
            self.assertLess(len(late), len(counted) / 2, year)
            for report in counted:
                self.assertIn(report.submitted_at.year, (year + 1,), report)

    def _check_swedish_plan(self):
        """The demo plan's own texts are Swedish: no English left from the source notes."""
        import re

        from stimulans.funds.models import SetAside
        from stimulans.plans.models import ActionPlan

        plan = ActionPlan.objects.get(county__code="01", year=2021)
        texts = [plan.political_anchor, plan.secretariat, plan.network, plan.purpose]
        texts += [m.name for m in plan.steering_group.all()]
        texts += [a.title for a in plan.activities.all()]
        texts += list(SetAside.objects.values_list("note", flat=True))
        english = re.compile(r"\b(the|of|and|one|two|each|a couple|employed|fixed|funds)\b")
        self.assertEqual([t for t in texts if english.search(t)], [])
        self.assertIn("kommunsamordnare", plan.network)

    def _check_varied_initiatives(self):
        """Many different initiatives: no title reported by most organisations, and none
        reported twice by the same organisation in a year."""
        from collections import Counter

        from stimulans.reporting.models import Initiative

        for year in (2020, 2021):
            initiatives = Initiative.objects.filter(report__pot__part__agreement__year=year)
            titles = Counter(initiatives.values_list("title", flat=True))
            organisations = initiatives.values("report__organisation").distinct().count()
            self.assertGreaterEqual(len(titles), 35, year)
            self.assertLessEqual(max(titles.values()), organisations // 2, titles.most_common(3))
            per_organisation = Counter(initiatives.values_list("report__organisation", "title"))
            self.assertEqual(max(per_organisation.values()), 1, year)

    def _check_plan_follow_up(self):
        """Some of Stockholm's 2021 initiatives carry out the plan's activities."""
        from stimulans.plans.models import ActionPlan
        from stimulans.reporting.models import Initiative

        self.assertEqual(Initiative.objects.filter(plan_activity__isnull=False).count(), 4)
        plan = ActionPlan.objects.get(county__code="01", year=2021)
        self.client.force_login(User.objects.get(username="samordnare-01"))
        page = self.client.get(f"/handlingsplaner/{plan.pk}/")
        self.assertContains(page, "Aktiviteterna i redovisningarna 2021")
        self.assertContains(page, "Uppföljning av målvärden 2021")

    def _check_statistics(self):
        """The demo's statistics series give its indicators a value in both years, on the
        statistics page and in the indicators' trend."""
        from stimulans.analysis.indicators import compute_indicators
        from stimulans.analysis.models import StatisticValue

        self.assertEqual(StatisticValue.objects.count(), 3 * 22 * 2)
        rows = compute_indicators(None, years=[2020, 2021])
        for code in ("demo.andel_unga_psykiatrisk_vard", "demo.suicid_per_100000"):
            values = [
                r["value"] for r in rows if r["indicator"] == code and r["scope"] == "national"
            ]
            self.assertEqual(len(values), 2)
            self.assertTrue(all(v is not None for v in values), values)
        self.client.force_login(User.objects.get(username="admin"))
        page = self.client.get("/analys/statistik/")
        self.assertContains(page, "demo.invanare_10_24")
        trend = self.client.get("/analys/utveckling/indikatorer/")
        self.assertContains(trend, "Suicid per 100 000 invånare (demodata)")
        self.assertContains(trend, "12,4 per 100 000 invånare")

    def _check_second_year(self):
        """2021 is copied from 2020 with a part and a category renamed, and reported, so the
        trend has two points and the renamed category continues its 2020 series."""
        from stimulans.analysis.trends import part_trend
        from stimulans.funds.models import AgreementPart
        from stimulans.reporting.models import Report

        part = AgreementPart.objects.get(agreement__year=2021, slug="suicidprevention")
        self.assertEqual(part.title, "Psykisk hälsa och suicidprevention")
        self.assertGreater(Report.objects.counted().filter(pot__part=part).count(), 3)
        trend = part_trend(part)
        self.assertEqual(trend["years"], [2020, 2021])
        rows = [r for pot in trend["pots"] for r in pot["rows"]]
        renamed = next(
            r for r in rows if r["earlier_titles"] == ["Suicidpreventiva handlingsplaner"]
        )
        self.assertEqual(renamed["title"], "Handlingsplaner för psykisk hälsa och suicidprevention")
        self.assertIsNone(renamed["new_series_from"])
        self.assertTrue(any(r["cells"][0] and r["cells"][0]["initiatives"] for r in rows))
        self.assertTrue(any(r["cells"][1] and r["cells"][1]["initiatives"] for r in rows))

    def test_if_new_keeps_existing_data(self):
        call_command("demo", stdout=StringIO())
        admin = User.objects.get(username="admin")
        admin.set_password("changed-password-1")
        admin.save()
        out = StringIO()
        call_command("demo", "--if-new", stdout=out)
        self.assertIn("laddas inte igen", out.getvalue())
        admin.refresh_from_db()
        self.assertTrue(admin.check_password("changed-password-1"))

    @override_settings(ALLOW_DEMO_ACCOUNTS=False)
    def test_production_settings_refuse_demo_accounts(self):
        with self.assertRaises(CommandError):
            call_command("demo", stdout=StringIO())
        self.assertFalse(User.objects.exists())


@pytest.mark.slow  # runs manage.py check --deploy in a subprocess
def test_production_settings_pass_check_deploy(tmp_path):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="stimulans.settings_production",
        SECRET_KEY="x" * 20 + "production-secret-key-for-the-check-only-" + "y" * 20,
        ALLOWED_HOSTS="stimulans.example.se",
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.db'}",
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    proc = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "System check identified no issues" in proc.stdout
