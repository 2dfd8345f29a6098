from django.urls import reverse

from ..models import StatusReport
from .helpers import county_org, make_report, previous_year_pot
from .test_answers import AnswersTestCase, install, without


class PartAnswersPageTest(AnswersTestCase):
    url = reverse("analysis:part_answers", args=[2020, "suicidprevention"])

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pot_2019 = previous_year_pot("suicidprevention", "county", 2019)
        install(cls.pot_2019, without(cls.definition, "staff_count"))
        make_report(county_org("01"), cls.pot_2019, answers={"disruption": "no"})

    def publish(self, agreement=None):
        StatusReport.objects.update_or_create(
            agreement=agreement or self.agreement, defaults={"published": True}
        )

    def test_it_checks_ownership(self):
        self.assertAccess(
            self.url, [self.cora, self.otto, self.anna, self.adam], [self.alice, self.regina]
        )
        # A county coordinator reads its own county only, before publication.
        self.assertAccess(self.url + "?lan=03", [self.otto, self.anna], [self.cora, self.alice])
        self.assertAccess(reverse("analysis:part_answers", args=[2020, "nej"]), [], [self.anna])
        self.publish()
        self.assertAccess(self.url, [self.alice, self.regina, None], [])

    def test_tables_and_charts(self):
        self.login(self.anna)
        response = self.client.get(self.url)
        self.assertContains(response, "4 aktörer har redovisat.")
        self.assertContains(response, "Vilket stöd behövs?")
        # Data: 2 of 3 who answered; every choice listed, also "Ja, av annat" with 0.
        self.assertContains(response, '<th scope="row">Data</th><td class="num">2</td>', html=False)
        self.assertContains(response, "66,7 %")
        self.assertContains(response, '<th scope="row">Ja, av annat</th><td class="num">0</td>')
        self.assertContains(response, "1\u00a0203")  # the sum of staff_count
        self.assertContains(response, '<svg xmlns="http://www.w3.org/2000/svg"', count=2)
        self.assertContains(response, "Distansmöten")
        # The previous year side by side: 2019 had one report, Nej 1 → 1, pandemic 0 → 1.
        self.assertContains(response, "År 2019: 1.")
        self.assertContains(
            response,
            '<tr><th scope="row">Ja, av pandemin</th><td class="num">1</td>'
            '<td class="num">50,0 %</td><td class="num">0</td><td class="num">+1</td></tr>',
            html=True,
        )
        # No 2019 figures for staff_count, which 2019's questionnaire did not have.
        self.assertContains(
            response,
            '<tr><th scope="row">Summa</th><td class="num">1\u00a0203</td>'
            '<td class="num">–</td><td class="num">–</td></tr>',
            html=True,
        )
        # The part's page links here.
        part_page = self.client.get(
            reverse("analysis:part_analysis", args=[2020, "suicidprevention"])
        )
        self.assertContains(part_page, self.url)

    def test_free_texts_only_from_the_coordinators_county(self):
        self.login(self.otto)
        self.assertNotContains(self.client.get(self.url), "Distansmöten")
        self.login(self.cora)
        self.assertContains(self.client.get(self.url), "Distansmöten")

    def test_county_filter(self):
        self.login(self.anna)
        response = self.client.get(self.url, {"lan": "03"})
        self.assertContains(response, "1 aktör har redovisat.")
        self.assertNotContains(response, "Distansmöten")

    def test_unpublished_previous_year_is_not_shown_to_the_public(self):
        self.publish()
        response = self.client.get(self.url)
        self.assertContains(response, "4 aktörer har redovisat.")
        self.assertNotContains(response, "2019")
        self.publish(self.pot_2019.part.agreement)
        self.assertContains(self.client.get(self.url), "År 2019: 1.")

    def test_year_report_includes_the_answers(self):
        self.login(self.anna)
        response = self.client.get(reverse("analysis:year_report", args=[2020]))
        self.assertContains(response, "Svar på enkätfrågorna")
        self.assertContains(response, self.url)
        self.assertContains(response, '<th scope="row">Data</th><td class="num">2</td>')
        self.assertContains(response, "År 2019: 1.")
        self.assertContains(response, "Distansmöten")
        # Published, the public reads it without the unpublished 2019.
        self.publish()
        self.logout()
        response = self.client.get(reverse("analysis:year_report", args=[2020]))
        self.assertContains(response, '<th scope="row">Data</th><td class="num">2</td>')
        self.assertNotContains(response, "År 2019")
