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
