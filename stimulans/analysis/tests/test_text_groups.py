"""The analysts' page to merge and rename text groups: the groups change everywhere, with who
and when, and bad input changes nothing."""

from django.urls import reverse

from ..grouping import text_key
from ..models import TextGroupOverride
from ..text_groups import TextGroupError, merge_groups
from .test_flowcharts import FlowchartTestCase


class TextGroupsTest(FlowchartTestCase):
    def setUp(self):
        self.url = reverse("analysis:text_groups", args=[2020, "suicidprevention", self.kunskap.pk])

    def activities(self):
        chart = self.chart()
        return [(g["label"], g["actors"]) for g in chart["columns"][0]["groups"]]

    def post(self, **data):
        self.login(self.anna)
        return self.client.post(self.url, data, follow=True)

    def test_it_checks_ownership(self):
        refused = [self.alice, self.regina, self.cora, self.otto]
        self.assertAccess(self.url, [self.anna, self.adam], refused, ok=200)
        data = {
            "kind": "activities",
            "grupp": [text_key("Föreläsning om suicidprevention")],
            "label": "Föreläsningar",
        }
        self.assertAccess(self.url, [], refused, method="post", data=data)
        self.assertFalse(TextGroupOverride.objects.exists())
        self.assertAccess(self.url, [self.anna], [], method="post", data=data, ok=302)
        self.assertEqual(TextGroupOverride.objects.get().label, "Föreläsningar")

    def test_merge_two_groups(self):
        response = self.post(
            kind="activities",
            grupp=[
                text_key("Utbildning i MHFA för personal"),
                text_key("Föreläsning om suicidprevention"),
            ],
            label="Utbildningsinsatser",
            action="merge",
        )
        self.assertContains(response, "Grupperna är sparade.")
        self.assertEqual(self.activities(), [("Utbildningsinsatser", 2)])
        override = TextGroupOverride.objects.get()
        self.assertEqual(override.changed_by, self.anna)
        self.assertEqual(
            override.keys, ["föreläsning suicidprevention", "utbildning mhfa personal"]
        )
        # Who and when: the page lists the change.
        self.assertContains(response, "Utbildningsinsatser")
        self.assertContains(response, "skapad")
        self.assertContains(response, "anna")
        # The flowchart page shows the merged group.
        self.logout()
        self.login(self.anna)
        page = self.client.get(
            reverse("analysis:category_flowchart", args=[2020, "suicidprevention", self.kunskap.pk])
        )
        self.assertContains(page, '<th scope="row">Utbildningsinsatser</th>')

    def test_rename_then_merge_then_undo(self):
        mhfa = text_key("Utbildning i MHFA för personal")
        self.post(kind="activities", grupp=[mhfa], label="MHFA")
        self.assertEqual(self.activities(), [("MHFA", 2), ("Föreläsning om suicidprevention", 1)])
        # Merging the renamed group keeps its override and extends it.
        first = TextGroupOverride.objects.get()
        self.post(
            kind="activities",
            grupp=[mhfa, text_key("Föreläsning om suicidprevention")],
            label="Utbildning",
        )
        self.assertEqual(TextGroupOverride.objects.get().pk, first.pk)
        self.assertEqual(self.activities(), [("Utbildning", 2)])
        response = self.post(action="undo", override=first.pk)
        self.assertContains(response, "Gruppen är upplöst.")
        self.assertFalse(TextGroupOverride.objects.exists())
        self.assertEqual(
            self.activities(),
            [("Utbildning i MHFA för personal", 2), ("Föreläsning om suicidprevention", 1)],
        )
        self.assertEqual(
            list(first.history.order_by("history_id").values_list("history_type", "label")),
            [("+", "MHFA"), ("~", "Utbildning"), ("-", "Utbildning")],
        )

    def test_merging_two_analyst_groups_keeps_one(self):
        mhfa = text_key("Utbildning i MHFA för personal")
        lecture = text_key("Föreläsning om suicidprevention")
        a = merge_groups(self.kunskap, "activities", [mhfa], "A", self.anna)
        merge_groups(self.kunskap, "activities", [lecture], "B", self.anna)
        merge_groups(self.kunskap, "activities", [lecture, mhfa], "C", self.anna)
        self.assertEqual(list(TextGroupOverride.objects.values_list("pk", "label")), [(a.pk, "C")])
        self.assertEqual(self.activities(), [("C", 2)])

    def test_bad_input_changes_nothing(self):
        mhfa = text_key("Utbildning i MHFA för personal")
        cases = [
            (
                {"kind": "activities", "grupp": [mhfa], "label": "  "},
                "Skriv en benämning för gruppen.",
            ),
            ({"kind": "activities", "label": "X"}, "Markera minst en grupp."),
            (
                {"kind": "activities", "grupp": ["finns inte"], "label": "X"},
                "En av de markerade grupperna finns inte längre.",
            ),
            ({"kind": "resurser", "grupp": [mhfa], "label": "X"}, "Okänd ruta i flödesschemat."),
            (
                {"kind": "activities", "grupp": [mhfa], "label": "x" * 301},
                "Benämningen får vara högst 300 tecken lång.",
            ),
            ({"action": "undo", "override": "12345"}, "Gruppen finns inte längre."),
            ({"action": "undo", "override": "x"}, "Gruppen finns inte längre."),
        ]
        for data, message in cases:
            with self.subTest(data=data):
                response = self.post(**data)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
                self.assertFalse(TextGroupOverride.objects.exists())

    def test_service_refuses_an_empty_label(self):
        with self.assertRaises(TextGroupError):
            merge_groups(
                self.kunskap,
                "activities",
                [text_key("Utbildning i MHFA för personal")],
                "",
                self.anna,
            )
