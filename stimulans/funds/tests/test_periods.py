"""Periods of several years: the administrator's list, form and removal; the agreement page
shows the periods of its year."""

from django.urls import reverse

from stimulans.funds.models import Period
from stimulans.funds.services import load_agreement_2020
from stimulans.test import BaseTestCase

LIST = reverse("funds:period_list")
ADD = reverse("funds:period_add")


def form(**fields):
    data = {
        "kind": "agreement",
        "title": "Överenskommelsen",
        "first_year": "2020",
        "last_year": "2022",
        "amounts": "",
    }
    data.update(fields)
    return data


class PeriodPagesTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()
        cls.period = Period.objects.create(
            kind="commission", title="Uppdraget", first_year=2020, last_year=2023
        )

    def test_it_checks_ownership(self):
        edit = reverse("funds:period_edit", args=[self.period.pk])
        remove = reverse("funds:period_remove", args=[self.period.pk])
        refused = [self.alice, self.bob, self.cora, self.otto, self.anna]
        for url in (LIST, ADD, edit):
            self.assertAccess(url, allowed=[self.adam], refused=refused, ok=(200,))
        self.assertAccess(ADD, refused=refused, method="post", data=form())
        self.assertAccess(remove, refused=refused, method="post", data={"confirmed": "1"})
        self.assertEqual(Period.objects.count(), 1)

    def test_it_handles_an_unknown_period(self):
        self.login(self.adam)
        self.assertEqual(self.client.get("/avtal/perioder/999/").status_code, 404)

    def test_an_agreement_period_with_yearly_amounts(self):
        self.login(self.adam)
        amounts = "2020: 2 500 000 000\n2021: 2 600 000 000"
        r = self.client.post(ADD, form(amounts=amounts), follow=True)
        self.assertContains(r, "”Överenskommelsen (2020–2022)” är sparad.")
        period = Period.objects.get(kind="agreement")
        self.assertEqual(period.yearly_amounts, {"2020": 2_500_000_000, "2021": 2_600_000_000})
        self.assertContains(r, "Inte skapad än")  # 2021 and 2022 have no agreement yet
        page = self.client.get("/avtal/2020/")
        self.assertContains(page, "Överenskommelsen (2020–2022), år 1 av 3")
        self.assertContains(page, "Uppdraget (2020–2023), år 1 av 4")
        self.assertContains(
            page, "belopp för året enligt överenskommelsen 2\u00a0500\u00a0000\u00a0000 kr"
        )
        edit = self.client.get(reverse("funds:period_edit", args=[period.pk]))
        self.assertContains(edit, "2020: 2\u00a0500\u00a0000\u00a0000")

    def test_bad_input_names_the_line_and_saves_nothing(self):
        self.login(self.adam)
        cases = [
            (form(amounts="2020: 1\n2025: 5"), "Rad 2: 2025 ligger utanför perioden."),
            (form(amounts="2020: 1\n2020: 2"), "Rad 2: 2020 står redan på en tidigare rad."),
            (form(amounts="tjugo: 1"), "Rad 1: skriv år och belopp i hela kronor"),
            (form(amounts="2020: -1"), "Rad 1: skriv år och belopp i hela kronor"),
            (
                form(first_year="2022", last_year="2020"),
                "Sista året kan inte komma före det första.",
            ),
            (form(first_year="2020", last_year="2040"), "En period är högst 10 år."),
            (
                form(kind="commission", first_year="2023", last_year="2026"),
                "Perioden överlappar ”Uppdraget (2020–2023)”.",
            ),
            (
                form(kind="commission", first_year="2024", last_year="2026", amounts="2024: 1"),
                "Belopp per år hör bara till en överenskommelse över flera år.",
            ),
        ]
        for data, message in cases:
            with self.subTest(message):
                self.assertContains(self.client.post(ADD, data), message, status_code=400)
        self.assertEqual(Period.objects.count(), 1)

    def test_editing_and_removing_ask_nothing_of_the_years(self):
        self.login(self.adam)
        edit = reverse("funds:period_edit", args=[self.period.pk])
        r = self.client.post(
            edit,
            form(
                kind="commission", title="Uppdraget 2020–2024", first_year="2020", last_year="2024"
            ),
            follow=True,
        )
        self.assertContains(r, "är sparad.")
        self.period.refresh_from_db()
        self.assertEqual(self.period.last_year, 2024)
        remove = reverse("funds:period_remove", args=[self.period.pk])
        self.assertContains(self.client.post(remove), "Ta bort perioden")
        self.assertTrue(Period.objects.exists())
        self.client.post(remove, {"confirmed": "1"})
        self.assertFalse(Period.objects.exists())


class NextYearInAnAgreementPeriodTest(BaseTestCase):
    def test_the_copy_takes_the_total_the_period_states(self):
        from stimulans.funds.copying import copy_agreement_funds
        from stimulans.funds.models import Agreement

        load_agreement_2020()
        Period.objects.create(
            kind="agreement",
            title="Överenskommelsen",
            first_year=2020,
            last_year=2022,
            yearly_amounts={"2021": 2_600_000_000},
        )
        Period.objects.create(kind="commission", title="Uppdraget", first_year=2020, last_year=2023)
        copy_agreement_funds(2020, 2021)
        copy_agreement_funds(2021, 2022)  # no amount stated for 2022: the year before's
        totals = dict(Agreement.objects.values_list("year", "total_sek"))
        self.assertEqual(totals[2021], 2_600_000_000)
        self.assertEqual(totals[2022], 2_600_000_000)
        self.assertNotEqual(totals[2020], 2_600_000_000)
