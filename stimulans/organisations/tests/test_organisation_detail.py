from stimulans.funds.models import Allocation
from stimulans.funds.services import requisition
from stimulans.test import FundsTestCase


class OrganisationDetailTestCase(FundsTestCase):
    url = "/organisationer/municipality/0127/"

    def test_reporter_sees_own_allocations_and_requisitions(self):
        alloc = Allocation.objects.filter(organisation=self.botkyrka).first()
        requisition(alloc, 1234, self.bob, note="Första delen")
        self.login(self.bob)
        r = self.client.get(self.url)
        self.assertContains(r, "Botkyrka kommun")
        self.assertContains(r, f"{alloc.amount_sek:,}".replace(",", "\u00a0"))
        self.assertContains(r, "Första delen")
        self.assertContains(r, 'name="amount_sek"')
        self.assertContains(r, "demodata – inte officiell statistik")

    def test_coordinator_reads_but_does_not_requisition(self):
        self.login(self.cora)
        r = self.client.get(self.url)
        self.assertEqual(r.status_code, 200)
        self.assertNotContains(r, 'name="amount_sek"')

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url,
            allowed=[self.bob, self.cora, self.anna, self.adam],
            refused=[self.alice, self.charlie, self.regina, self.otto],
            ok=200,
            refused_status=403,
        )

    def test_unknown_organisation_is_404(self):
        self.login(self.adam)
        self.assertEqual(self.client.get("/organisationer/municipality/9999/").status_code, 404)
