"""The funds page (`analysis:funds`) and the money section of the status report."""

from django.urls import reverse

from ..year_analysis import analyse_year
from .test_money import MoneyTestCase

NBSP = "\u00a0"


class FundsPageTest(MoneyTestCase):
    url = reverse("analysis:funds", args=[2020])

    def publish(self):
        from ..models import StatusReport

        StatusReport.objects.update_or_create(
            agreement=self.agreement, defaults={"published": True}
        )

    def test_it_checks_ownership(self):
        reporters = [self.alice, self.bob, self.charlie, self.regina]
        self.assertAccess(self.url, [self.cora, self.otto, self.anna, self.adam], reporters, ok=200)
        # Before publication another county's figures are refused to a county coordinator.
        one = f"{self.url}?lan=03"
        self.assertAccess(one, [self.otto, self.anna, self.adam], [self.cora, *reporters], ok=200)
        self.publish()
        self.assertAccess(one, [None, *reporters, self.cora], [], ok=200)

    def test_unknown_county_is_404(self):
        self.login(self.anna)
        self.assertEqual(self.client.get(self.url, {"lan": "99"}).status_code, 404)
        self.assertEqual(self.client.get(reverse("analysis:funds", args=[1999])).status_code, 404)

    def test_analyst_sees_every_county_the_gap_no_use_and_last_year(self):
        self.login(self.anna)
        response = self.client.get(self.url)
        content = response.content.decode()
        # The suicide prevention pot: 2 000 allocated … 380 on initiatives, 20 without one.
        self.assertIn(f'<td class="num">2{NBSP}000</td>\n<td class="num">1{NBSP}100</td>', content)
        self.assertContains(response, '<td class="num">380</td>\n<td class="num">20</td>')
        self.assertContains(response, "Uppsala län</th>")
        self.assertContains(response, "Stockholms län</th>")
        self.assertContains(response, "Uppsala län (länsgemensamma medel)")
        self.assertContains(response, "inget belopp angivet")
        self.assertContains(response, "Region Stockholm")
        self.assertContains(response, "Jämfört med 2019")
        # allocated 800 → 2 000: a change of 1 200.
        self.assertContains(
            response,
            f'<td class="num">800</td><td class="num">2{NBSP}000</td>'
            f'<td class="num">1{NBSP}200</td>',
        )

    def test_county_coordinator_sees_totals_and_own_county(self):
        self.login(self.cora)
        response = self.client.get(self.url)
        self.assertContains(response, f'<td class="num">2{NBSP}000</td>')
        self.assertContains(response, "Stockholms län</th>")
        self.assertNotContains(response, "Uppsala län</th>")
        self.assertContains(response, "Region Stockholm")
        self.assertNotContains(response, "Uppsala län (länsgemensamma medel)")

    def test_one_county(self):
        self.login(self.otto)
        response = self.client.get(self.url, {"lan": "03"})
        self.assertContains(response, "Medel 2020 – Uppsala län")
        self.assertContains(response, '<td class="num">30</td>\n<td class="num">-30</td>')
        self.assertNotContains(response, "Stockholms län</th>")

    def test_the_status_report_includes_it(self):
        data = analyse_year(self.agreement)
        self.assertEqual(data["funds"]["current"]["total"]["allocated_sek"], 7000)
        self.login(self.anna)
        response = self.client.get(reverse("analysis:year_report", args=[2020]))
        self.assertContains(response, reverse("analysis:funds", args=[2020]))
        self.assertContains(response, "Organisationer som inte redovisat några använda medel")
        self.assertContains(response, "Uppsala län (länsgemensamma medel)")
        self.login(self.cora)
        response = self.client.get(reverse("analysis:year_report", args=[2020]))
        self.assertNotContains(response, "Uppsala län (länsgemensamma medel)")
        sheet = self.client.get(reverse("analysis:county_sheet", args=[2020, "01"]))
        self.assertContains(sheet, '<td class="num">350</td>\n<td class="num">50</td>')

    def test_it_speaks_english(self):
        from django.conf import settings

        self.login(self.anna)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        response = self.client.get(self.url)
        for text in (
            "Funds 2020",
            "Used without initiative",
            "Organisations that reported no funds used",
            "Compared with 2019",
            "Funds used that no initiative accounts for (SEK)",
        ):
            self.assertContains(response, text)
