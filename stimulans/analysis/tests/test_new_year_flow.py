"""Done means (issue 19): 2021 made from 2020 in the UI, a part changed, 2021 reports imported,
the analysis and a two-year trend in which a renamed category continues its predecessor."""

from io import StringIO

from django.core.management import call_command

from stimulans.funds.models import AgreementPart
from stimulans.funds.services import allocate_agreement, load_agreement_2020
from stimulans.test import BaseTestCase, make_population

from ..trends import part_trend

HEADER = (
    "year,part,org_kind,org_code,initiative,category,activities,goals,outputs,effects,"
    "effect_level,effect_measured,funds_sek,phase,within_agreement"
)


def initiatives_csv(year, category, funds):
    rows = [
        HEADER,
        f"{year},suicidprevention,county,01,a,{category},Utbildning,Mål,Kurser,Färre,"
        f"target_group,true,{funds},implemented,true",
        f"{year},suicidprevention,county,03,b,{category},Planer,Mål,Planer,,"
        f",false,{funds},implemented,true",
    ]
    return "\n".join(rows) + "\n"


class NewYearFlowTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_population(2019)
        allocate_agreement(load_agreement_2020())
        make_population(2020)  # the 2021 copy's keys read the year before

    def import_initiatives(self, tmp, text):
        path = tmp / "initiatives.csv"
        path.write_text(text, encoding="utf-8")
        call_command("import_initiatives", str(path), stdout=StringIO())

    def test_2021_from_2020_in_the_ui_with_a_renamed_category_in_the_trend(self):
        import tempfile
        from pathlib import Path

        tmp = Path(tempfile.mkdtemp())
        self.import_initiatives(tmp, initiatives_csv(2020, "suicidpreventiva-handlingsplaner", 100))
        self.login(self.adam)
        r = self.client.post("/redovisning/2020/nytt-ar/", {"year": "2021"}, follow=True)
        self.assertContains(r, "Överenskommelsen 2021 är skapad från 2020.")
        # Change a part and rename one of its categories.
        part = AgreementPart.objects.get(agreement__year=2021, slug="suicidprevention")
        r = self.client.post(
            f"/avtal/2021/delar/{part.pk}/",
            {"title": "Psykisk hälsa och suicidprevention", "slug": part.slug, "order": 5},
            follow=True,
        )
        self.assertContains(r, "Delen ”Psykisk hälsa och suicidprevention” är sparad.")
        category = part.pots.get(recipient_kind="county").categories.get(
            slug="suicidpreventiva-handlingsplaner"
        )
        (old,) = category.predecessors.all()
        r = self.client.post(
            f"/avtal/2021/kategorier/{category.pk}/",
            {
                "title": "Handlingsplaner",
                "slug": "handlingsplaner",
                "order": 1,
                "predecessors": [old.pk],
            },
            follow=True,
        )
        self.assertContains(r, "Kategorin ”Handlingsplaner” är sparad.")
        r = self.client.post("/avtal/2021/fordela/", follow=True)
        self.assertContains(r, "fördelningar är beräknade")
        self.import_initiatives(tmp, initiatives_csv(2021, "handlingsplaner", 250))
        # The analysis of 2021, its comparison with 2020 and the two-year trend.
        self.login(self.anna)
        page = self.client.get("/analys/2021/del/suicidprevention/")
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "Utveckling 2020–2021")
        self.assertContains(page, "Tidigare: Suicidpreventiva handlingsplaner")
        trend = part_trend(part)
        region = next(p for p in trend["pots"] if p["org_kind"] == "county")
        row = next(r for r in region["rows"] if r["title"] == "Handlingsplaner")
        self.assertEqual(trend["years"], [2020, 2021])
        self.assertEqual([c["funds_sek"] for c in row["cells"]], [200, 500])
        self.assertEqual([c["actors_with_activities"] for c in row["cells"]], [2, 2])
        self.assertIsNone(row["new_series_from"])

    def test_a_category_without_a_mapping_starts_a_new_series(self):
        self.login(self.adam)
        self.client.post("/redovisning/2020/nytt-ar/", {"year": "2021"})
        part = AgreementPart.objects.get(agreement__year=2021, slug="suicidprevention")
        pot = part.pots.get(recipient_kind="county")
        self.client.post(
            f"/avtal/2021/potter/{pot.pk}/kategorier/ny/",
            {"title": "Helt ny", "slug": "helt-ny", "order": 9},
        )
        row = next(
            r
            for p in part_trend(part)["pots"]
            if p["org_kind"] == "county"
            for r in p["rows"]
            if r["title"] == "Helt ny"
        )
        self.assertEqual(row["new_series_from"], 2021)
        self.assertIsNone(row["cells"][0])
