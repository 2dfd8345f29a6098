"""The flowcharts of a part and one category: grouped texts, actor counts, links by coded link
quality, the aims; the pages and their access."""

import json

from django.urls import reverse

from ..flowcharts import flowcharts, flowcharts_json
from ..models import InitiativeCoding
from .helpers import AnalysisTestCase, county_org, make_initiative, make_report


class FlowchartTestCase(AnalysisTestCase):
    """Three counties in "Kunskaps- och kompetenshöjande insatser", Stockholm's two initiatives
    coded; a draft and an initiative paid by other money that must not count."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.suicide.aims = "Minska antalet självmord"
        cls.suicide.save()
        cls.kunskap = cls.cat["kunskap-kompetens"]
        stockholm = make_report(county_org("01"), cls.suicide_pot)
        cls.first = make_initiative(
            stockholm,
            cls.kunskap,
            activities="Utbildning i MHFA för personal",
            goals="Ökad kunskap om suicid",
            outputs="300 utbildade",
            effects="Personalen upptäcker fler i riskzonen",
            effect_level="target_group",
        )
        second = make_initiative(
            stockholm,
            cls.kunskap,
            activities="Föreläsning om suicidprevention",
            goals="Ökad kunskap om suicid",
            outputs="",
            effects="",
        )
        InitiativeCoding.objects.create(
            initiative=cls.first,
            category=cls.kunskap,
            effect_level="target_group",
            link_quality="target_group",
        )
        InitiativeCoding.objects.create(
            initiative=second, category=cls.kunskap, link_quality="insufficient"
        )
        make_initiative(
            make_report(county_org("03"), cls.suicide_pot, "approved"),
            cls.kunskap,
            activities="utbildning i MHFA  för personalen.",
            goals="Ökad kunskap om suicid.",
            outputs="120 utbildade",
            effects="Personalen upptäcker fler i riskzonen.",
            effect_level="organisation",
        )
        make_initiative(
            make_report(county_org("05"), cls.suicide_pot, "draft"),
            cls.kunskap,
            activities="Utbildning i MHFA för personal",
        )
        make_initiative(
            make_report(county_org("04"), cls.suicide_pot),
            cls.kunskap,
            activities="Utbildning i MHFA för personal",
            within_agreement=False,
        )

    def chart(self, county=None):
        data = flowcharts(self.suicide, county)
        pot = data["pots"][0]
        return next(c for c in pot["categories"] if c["category"] == "kunskap-kompetens")


class FlowchartDataTest(FlowchartTestCase):
    def test_groups_with_actor_counts(self):
        chart = self.chart()
        self.assertEqual((chart["actors"], chart["initiatives"]), (2, 3))
        columns = {c["kind"]: c["groups"] for c in chart["columns"]}
        self.assertEqual(
            [(g["label"], g["actors"], g["initiatives"]) for g in columns["activities"]],
            [
                ("Utbildning i MHFA för personal", 2, 2),
                ("Föreläsning om suicidprevention", 1, 1),
            ],
        )
        self.assertEqual(
            [(g["label"], g["actors"], g["initiatives"]) for g in columns["goals"]],
            [("Ökad kunskap om suicid", 2, 3)],
        )
        # "300 utbildade" and "120 utbildade" are different outputs.
        self.assertEqual(len(columns["outputs"]), 2)
        self.assertEqual(
            [(g["actors"], g["target_group_actors"]) for g in columns["effects"]], [(2, 1)]
        )
        self.assertEqual(
            chart["link_quality"],
            {"target_group": 1, "organisation": 0, "insufficient": 1, "uncoded": 1},
        )
        self.assertEqual(chart["aims"], "Minska antalet självmord")

    def test_links_by_link_quality(self):
        links = {(link["from"], link["to"]): link for link in self.chart()["links"]}
        # Both MHFA trainings lead to the goal: one coded target group, one not coded.
        mhfa = links[("activities:1", "goals:1")]
        self.assertEqual(mhfa["initiatives"], 2)
        self.assertEqual(
            mhfa["qualities"],
            {"target_group": 1, "organisation": 0, "insufficient": 0, "uncoded": 1},
        )
        self.assertEqual(mhfa["quality"], "target_group")
        self.assertEqual(links[("activities:2", "goals:1")]["quality"], "insufficient")
        # The lecture has neither outputs nor effects: its chain ends at the goal.
        self.assertEqual([k for k in links if "activities:2" in k], [("activities:2", "goals:1")])
        self.assertEqual(links[("effects:1", "aims")]["initiatives"], 2)
        self.assertEqual(len(links), 2 + 2 + 2 + 1)

    def test_county_filter(self):
        chart = self.chart("03")
        self.assertEqual((chart["actors"], chart["initiatives"]), (1, 1))
        self.assertEqual(
            chart["columns"][0]["groups"][0]["label"], "utbildning i MHFA för personalen."
        )

    def test_json(self):
        data = flowcharts_json(self.suicide)
        self.assertEqual(json.loads(json.dumps(data)), data)
        self.assertEqual((data["year"], data["part"]), (2020, "suicidprevention"))
        pot = data["pots"][0]
        self.assertEqual(pot["org_kind"], "county")
        category = next(c for c in pot["categories"] if c["category"] == "kunskap-kompetens")
        self.assertEqual(
            category["columns"][0]["groups"][0],
            {
                "id": "activities:1",
                "label": "Utbildning i MHFA för personal",
                "actors": 2,
                "initiatives": 2,
                "target_group_actors": 1,
            },
        )
        self.assertEqual(
            set(category), {"category", "actors", "initiatives", "link_quality", "columns", "links"}
        )


class FlowchartPagesTest(FlowchartTestCase):
    def urls(self):
        return (
            reverse("analysis:flowcharts", args=[2020, "suicidprevention"]),
            reverse(
                "analysis:category_flowchart", args=[2020, "suicidprevention", self.kunskap.pk]
            ),
        )

    def publish(self):
        from ..models import StatusReport

        StatusReport.objects.create(agreement=self.agreement, published=True)

    def test_it_checks_ownership(self):
        for url in self.urls():
            self.assertAccess(
                url, [self.cora, self.otto, self.anna, self.adam], [self.alice, self.regina]
            )
            self.assertAccess(url + "?lan=03", [self.otto, self.anna], [self.cora, self.alice])
        self.publish()
        for url in self.urls():
            self.assertAccess(url, [self.alice, None], [])

    def test_category_page(self):
        self.login(self.anna)
        response = self.client.get(self.urls()[1])
        self.assertContains(response, '<svg xmlns="http://www.w3.org/2000/svg"')
        self.assertContains(response, 'role="img"')
        self.assertContains(response, "2 aktörer har redovisat 3 insatser i kategorin.")
        self.assertContains(response, '<th scope="row">Utbildning i MHFA för personal</th>', 1)
        self.assertContains(response, "Minska antalet självmord")
        self.assertContains(response, "Målgruppsinriktad")
        self.assertContains(
            response,
            reverse("analysis:text_groups", args=[2020, "suicidprevention", self.kunskap.pk]),
        )

    def test_coordinator_reads_its_own_county_before_publication(self):
        self.login(self.otto)
        response = self.client.get(self.urls()[1])
        self.assertContains(response, "1 aktör har redovisat 1 insatser i kategorin.")
        self.assertContains(response, "Före publiceringen visas bara redovisningar från ditt län.")
        self.assertNotContains(response, "Föreläsning om suicidprevention")
        self.assertNotContains(
            response,
            reverse("analysis:text_groups", args=[2020, "suicidprevention", self.kunskap.pk]),
        )

    def test_index_lists_categories_with_link_quality(self):
        self.login(self.anna)
        response = self.client.get(self.urls()[0])
        self.assertContains(response, self.urls()[1])
        self.assertContains(response, "Inte kodad")

    def test_category_of_another_part_is_404(self):
        self.login(self.anna)
        other = self.youth_region_pot.categories.first()
        url = reverse("analysis:category_flowchart", args=[2020, "suicidprevention", other.pk])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_part_page_has_grouped_effects(self):
        self.login(self.anna)
        response = self.client.get(
            reverse("analysis:part_analysis", args=[2020, "suicidprevention"])
        )
        self.assertContains(response, "Redovisade effekter, grupperade")
        self.assertContains(
            response,
            '<tr><th scope="row">Personalen upptäcker fler i riskzonen</th><td class="num">2</td>'
            '<td class="num">1</td></tr>',
            html=False,
        )
        self.assertContains(response, self.urls()[0])

    def test_year_report_links_the_flowcharts(self):
        self.login(self.anna)
        response = self.client.get(reverse("analysis:year_report", args=[2020]))
        self.assertContains(response, self.urls()[0])
