from stimulans.funds.models import Allocation, Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.jobs.models import Job
from stimulans.organisations.models import PopulationDataset
from stimulans.test import BaseTestCase, make_population


class AgreementAllocateTestCase(BaseTestCase):
    url = "/avtal/2020/fordela/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        load_agreement_2020()

    def test_it_refuses_without_population_and_saves_nothing(self):
        self.login(self.adam)
        r = self.client.post(self.url, follow=True)
        self.assertContains(r, "Befolkningsuppgifter för 2019 saknas")
        self.assertFalse(Allocation.objects.exists())

    def test_admin_allocates_every_pot(self):
        make_population(2019)
        self.login(self.adam)
        r = self.client.post(self.url, follow=True)
        self.assertContains(r, "748 fördelningar är beräknade")
        self.assertEqual(Allocation.objects.count(), 21 * 4 + 290 * 2 + 21 * 4)

    def test_recomputing_after_requisitions_asks_first(self):
        from stimulans.funds.services import allocate_agreement, requisition
        from stimulans.organisations.models import PopulationFigure

        make_population(2019)
        agreement = load_agreement_2020()
        allocate_agreement(agreement)
        botkyrka = Allocation.objects.filter(organisation=self.botkyrka).order_by("pk").first()
        requisition(botkyrka, botkyrka.amount_sek, self.bob)
        # Botkyrka's population shrinks: its new amounts are smaller than it has requisitioned.
        PopulationFigure.objects.filter(area_code="0127").update(count=1)
        before = dict(Allocation.objects.values_list("pk", "amount_sek"))
        self.login(self.adam)
        page = self.client.post(self.url)
        self.assertContains(page, "Räkna om fördelningarna för 2020?")
        self.assertContains(page, "Det går inte att ångra.")
        self.assertContains(page, "av 748 fördelningar får ett nytt belopp, 0 tillkommer")
        self.assertContains(page, "1 rekvirering på sammanlagt")
        self.assertContains(page, "0 redovisningar är påbörjade eller inskickade")
        self.assertContains(page, "Botkyrka kommun har rekvirerat mer av")
        self.assertContains(page, '<input type="hidden" name="confirmed" value="1">', html=True)
        self.assertEqual(dict(Allocation.objects.values_list("pk", "amount_sek")), before)
        r = self.client.post(self.url, {"confirmed": "1"}, follow=True)
        self.assertContains(r, "748 fördelningar är beräknade")
        botkyrka.refresh_from_db()
        self.assertLess(botkyrka.amount_sek, before[botkyrka.pk])

    def test_it_runs_as_a_job_with_a_step_per_pot(self):
        make_population(2019)
        self.login(self.adam)
        r = self.client.post(self.url)
        job = Job.objects.get()
        self.assertRedirects(r, f"/jobb/{job.pk}/")
        pots = Pot.objects.filter(part__agreement__year=2020).count()
        self.assertEqual((job.kind, job.status, job.total), ("allocation", "done", pots))
        self.assertEqual(job.result_url, "/avtal/2020/")

    def test_a_refused_allocation_is_a_failed_job(self):
        self.login(self.adam)
        self.client.post(self.url)
        job = Job.objects.get()
        self.assertEqual(job.status, "failed")
        self.assertIn("Befolkningsuppgifter för 2019 saknas", job.error)

    def test_it_checks_ownership(self):
        make_population(2019)
        self.assertAccess(
            self.url, refused=[self.alice, self.cora, self.anna], method="post", refused_status=403
        )
        self.assertFalse(Allocation.objects.exists())
        self.assertTrue(PopulationDataset.objects.exists())
