from stimulans.funds.models import Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.reporting.models import Report
from stimulans.support.models import SupportNeed
from stimulans.support.national import needs_by_theme_and_part
from stimulans.test import BaseTestCase

from .factories import make_register

URL = "/stod/nationellt/?ar=2020"


class NationalViewTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()
        make_register(cls)
        pot = Pot.objects.get(part__slug="god-vard", recipient_kind="municipality")
        cls.report = Report.objects.create(
            organisation=cls.stockholm,
            pot=pot,
            status="submitted",
            answers={"support_needed": ["knowledge", "data"]},
        )
        Report.objects.create(
            organisation=cls.botkyrka,
            pot=pot,
            status="submitted",
            answers={"support_needed": ["data"]},
        )

    def test_it_checks_ownership(self):
        self.assertAccess(
            URL, allowed=[self.anna, self.adam], refused=[self.alice, self.cora, self.otto], ok=200
        )
        self.assertAccess(
            "/stod/nationellt/las-in/",
            method="post",
            allowed=[self.anna],
            refused=[self.alice, self.cora],
            ok=302,
        )

    def test_the_refresh_reads_and_codes_the_reports_needs_into_the_counts(self):
        self.login(self.anna)
        response = self.client.post("/stod/nationellt/las-in/", {"suggestions": "1"}, follow=True)
        self.assertIn("3 nya, 0 borttagna", response.content.decode())
        data = needs_by_theme_and_part(self.agreement)
        rows = {r["theme"]: r for r in data["rows"]}
        self.assertEqual(rows["uppfoljning"]["by_part"]["god-vard"], 2)
        self.assertEqual(rows["kunskapsstod"]["by_part"]["god-vard"], 1)
        self.assertEqual(rows["kunskapsstod"]["total"], 1)
        self.assertEqual((data["total"], data["uncoded"]), (3, 0))
        self.assertEqual(len(data["rows"]), 12)
        page = self.client.get(URL).content.decode()
        self.assertIn("Totalt 3 stödbehov, varav 0 ännu inte kodade till tema.", page)
        self.assertIn("Uppföljning, data och mått", page)
        # a returned report's needs leave the counts
        Report.objects.filter(pk=self.report.pk).update(status="returned")
        self.assertEqual(needs_by_theme_and_part(self.agreement)["total"], 1)
        self.assertEqual(SupportNeed.objects.filter(year=2026).count(), 2)
