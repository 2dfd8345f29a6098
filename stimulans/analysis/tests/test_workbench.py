from django.urls import reverse

from ..models import InitiativeCoding
from .helpers import PageTestCase


class WorkbenchTest(PageTestCase):
    url = reverse("analysis:workbench", args=[2020, "suicidprevention"])

    def test_it_checks_ownership(self):
        self.publish()  # publishing opens the public pages, never the workbench
        self.assertAccess(
            self.url, [self.anna, self.adam], [self.alice, self.bob, self.regina, self.cora, None]
        )

    def titles(self, **params):
        self.login(self.anna)
        response = self.client.get(self.url, params)
        self.assertEqual(response.status_code, 200)
        return sorted(i.title for i in response.context["initiatives"])

    def test_filters(self):
        both = ["Samordnare för suicidprevention", "Utbildningsdag"]
        self.assertEqual(self.titles(), both)
        self.assertEqual(self.titles(lan="03"), ["Utbildningsdag"])
        kunskap = self.cat["kunskap-kompetens"].pk
        self.assertEqual(self.titles(kategori=kunskap), ["Utbildningsdag"])
        self.assertEqual(
            self.titles(effektniva="target_group"), ["Samordnare för suicidprevention"]
        )
        self.assertEqual(self.titles(matt="ja"), [])
        self.assertEqual(self.titles(matt="nej"), both)

    def test_filters_use_the_analysts_coding(self):
        InitiativeCoding.objects.create(
            initiative=self.other_initiative,
            category=self.cat["samordning-projektledning"],
            effect_level="target_group",
            effect_measured=True,
        )
        self.assertEqual(self.titles(matt="ja"), ["Utbildningsdag"])
        self.assertEqual(self.titles(kategori=self.cat["kunskap-kompetens"].pk), [])

    def test_search_tolerates_case_and_inflections(self):
        self.assertEqual(self.titles(q="skola"), ["Samordnare för suicidprevention"])
        self.assertEqual(self.titles(q="ÖKAD kunskapen"), ["Utbildningsdag"])
        self.assertEqual(self.titles(q="föreläsning"), ["Utbildningsdag"])
        self.assertEqual(self.titles(q="suicid"), ["Samordnare för suicidprevention"])
        self.assertEqual(self.titles(q="ingenting sådant"), [])

    def test_search_and_filters_together(self):
        self.assertEqual(self.titles(q="personal", lan="03"), ["Utbildningsdag"])
        self.assertEqual(self.titles(q="personal", lan="01"), [])

    def test_numbers_link_to_the_initiatives_behind_them(self):
        from .helpers import make_initiative

        make_initiative(self.report, self.cat["samordning-projektledning"], title="Utan effekt")
        make_initiative(
            self.report,
            self.cat["samordning-projektledning"],
            title="Annan finansiering",
            effects="E",
            within_agreement=False,
        )
        self.login(self.anna)
        page = self.client.get(reverse("analysis:part_analysis", args=[2020, "suicidprevention"]))
        category = self.cat["samordning-projektledning"].pk
        link = f"{self.url}?medel=overenskommelsen&amp;kategori={category}&amp;effekter=ja"
        self.assertContains(page, link)
        self.assertEqual(
            self.titles(medel="overenskommelsen", kategori=category, effekter="ja"),
            ["Samordnare för suicidprevention"],
        )
        self.assertEqual(
            self.titles(medel="overenskommelsen", kategori=category),
            ["Samordnare för suicidprevention", "Utan effekt"],
        )
        self.assertEqual(self.titles(medel="andra"), ["Annan finansiering"])
        self.assertEqual(self.titles(effekter="nej"), ["Utan effekt"])


class WorkbenchPagesTest(PageTestCase):
    url = WorkbenchTest.url

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from .helpers import make_initiative

        for n in range(118):  # 120 with the two of the set-up: three pages
            make_initiative(cls.report, None, title=f"Insats {n:03}")

    def page(self, **params):
        response = self.client.get(self.url, params)
        self.assertEqual(response.status_code, 200)
        return [i.pk for i in response.context["initiatives"]], response

    def test_pages_follow_the_previous_ones_by_key(self):
        self.login(self.anna)
        first, response = self.page()
        self.assertEqual(response.context["total"], 120)
        self.assertNotContains(response, "Föregående")
        second, response = self.page(efter=first[-1])
        self.assertContains(response, f"fore={second[0]}")
        third, response = self.page(efter=second[-1])
        self.assertEqual((len(first), len(second), len(third)), (50, 50, 20))
        self.assertNotContains(response, "Nästa")
        self.assertEqual(len(set(first + second + third)), 120)
        last, response = self.page(sida="sista")  # the last 50
        self.assertEqual(last, (first + second + third)[-50:])
        self.assertNotContains(response, "Nästa")
        self.assertEqual(self.page(fore=third[0])[0], second)
        self.assertEqual(self.page(fore=second[0])[0], first)

    def test_the_order_is_the_workbenchs(self):
        from ..search import workbench_initiatives

        self.login(self.anna)
        first, _ = self.page()
        second, _ = self.page(efter=first[-1])
        ordered = list(workbench_initiatives(self.suicide).values_list("pk", flat=True))
        self.assertEqual(first + second, ordered[:100])

    def test_it_handles_bad_page_links(self):
        self.login(self.anna)
        first, _ = self.page()
        for bad in ("abc", "-1", "9" * 30, "999999", ""):  # 999999: no such initiative
            self.assertEqual(self.page(efter=bad)[0], first, bad)
            self.assertEqual(self.page(fore=bad)[0], first, bad)
        self.assertEqual(self.page(sida="7")[0], first)


class WorkbenchOrderTest(PageTestCase):
    """Pages over several organisations of two kinds, in the order of their organisations (kind,
    code), then the report's order: read by the copied key, the same as through the reports."""

    url = WorkbenchTest.url

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        from .helpers import make_initiative, make_report

        reports = [
            make_report(cls.stockholm, cls.suicide_pot),  # a municipality: after the counties
            cls.other_initiative.report,  # county 03
            cls.report,  # county 01
        ]
        for n in range(70):
            make_initiative(reports[n % 3], None, title=f"Insats {n:03}", order=(n * 7) % 5)
        draft = make_report(cls.botkyrka, cls.suicide_pot, "draft")
        cls.draft_initiative = make_initiative(draft, None)

    def test_pages_are_in_the_organisations_order(self):
        from stimulans.reporting.models import Initiative

        self.login(self.anna)
        expected = list(
            Initiative.objects.counted()
            .filter(report__pot__part=self.suicide)
            .order_by("report__organisation__kind", "report__organisation__code", "order", "pk")
            .values_list("pk", flat=True)
        )
        self.assertEqual(len(expected), 72)
        response = self.client.get(self.url)
        self.assertEqual(response.context["total"], 72)
        first = [i.pk for i in response.context["initiatives"]]
        response = self.client.get(self.url, {"efter": first[-1]})
        second = [i.pk for i in response.context["initiatives"]]
        self.assertEqual(first + second, expected)
        response = self.client.get(self.url, {"fore": second[0]})
        self.assertEqual([i.pk for i in response.context["initiatives"]], first)
        response = self.client.get(self.url, {"sida": "sista"})
        self.assertEqual([i.pk for i in response.context["initiatives"]], expected[-50:])
        self.assertNotIn(self.draft_initiative.pk, first + second)

    def test_a_search_reads_the_same_list_by_either_plan(self):
        """A search with few matches is read from the matches, one with many by walking the
        part's index (`search.FEW_MATCHES`): the same list either way."""
        from unittest import mock

        from .. import search

        for params in ({"q": "insats"}, {"q": "aktivitet", "lan": self.report.organisation.county}):
            few = list(search.workbench_initiatives(self.suicide, params).values_list("pk"))
            with mock.patch.object(search, "FEW_MATCHES", 0):
                many = list(search.workbench_initiatives(self.suicide, params).values_list("pk"))
            self.assertEqual(few, many, params)
            self.assertGreater(len(few), 20, params)
