"""SCB's population in the shapes SCB delivers: the statistical database's CSV with civilstånd,
its English export, 5-year age groups, JSON-stat 2.0 (PxWebApi 2) and PX-Web JSON (PxWebApi 1).
The files in `data/` are written here in SCB's documented shapes; expected figures are summed by
hand from them."""

import json
from pathlib import Path

from stimulans.organisations.models import Organisation, PopulationDataset, PopulationFigure
from stimulans.organisations.population import (
    AgeGroupsDoNotFit,
    PopulationImportError,
    import_population,
    population_by_organisation,
)
from stimulans.test import BaseTestCase

DATA = Path(__file__).parent / "data"


def figures(year=2019):
    return {
        (f.area_code, f.age): f.count for f in PopulationFigure.objects.filter(dataset__year=year)
    }


class PopulationFormatsTestCase(BaseTestCase):
    def load(self, name, **kwargs):
        return import_population((DATA / name).read_bytes(), source="SCB", **kwargs)

    def test_csv_with_civilstand_sums_marital_status_and_sex(self):
        self.load("befolkning_civilstand.csv")
        # 0114, 0 år: 300 + 290 + 0 + 0; 40 år: 210+180+320+340+45+52+1+3; 0180: 40 + 260.
        self.assertEqual(figures(), {("0114", 0): 590, ("0114", 40): 1151, ("0180", 100): 300})

    def test_english_export(self):
        self.load("population_english.csv")
        # "00 Sweden" and "total age" skipped; 0114, 1 year: 2 + 280; 0180, 100+: 260 + 9.
        self.assertEqual(
            figures(),
            {("01", 0): 15000, ("0114", 0): 590, ("0114", 1): 282, ("0180", 100): 269},
        )

    def test_json_stat_2_from_pxwebapi_2(self):
        datasets = self.load("befolkning_pxwebapi2.json")
        self.assertEqual([d.year for d in datasets], [2019, 2020])
        # Row-major over Region × Alder × Kon × ContentsCode × Tid; Riket and "tot" skipped.
        self.assertEqual(
            figures(2019),
            {("0114", 0): 590, ("0114", 17): 550, ("0180", 0): 11800, ("0180", 17): 7900},
        )
        self.assertEqual(
            figures(2020),
            {("0114", 0): 605, ("0114", 17): 552, ("0180", 0): 12000, ("0180", 17): 8000},
        )

    def test_json_stat_2_with_sparse_values_and_array_index(self):
        # PxWebApi 1's json-stat2 has the same shape; JSON-stat also allows `index` as a list
        # and `value` as an object from position to value.
        data = json.loads((DATA / "befolkning_pxwebapi2.json").read_text())
        data["dimension"]["Region"]["category"]["index"] = ["00", "0114", "0180"]
        data["value"] = {str(i): v for i, v in enumerate(data["value"]) if i >= 12}
        import_population(json.dumps(data).encode(), source="SCB")
        self.assertEqual(figures(2019)[("0180", 17)], 7900)

    def test_json_stat_2_with_a_missing_value_is_refused(self):
        data = json.loads((DATA / "befolkning_pxwebapi2.json").read_text())
        data["value"][13] = None
        with self.assertRaises(PopulationImportError) as ctx:
            import_population(json.dumps(data).encode(), source="SCB")
        self.assertEqual(
            ctx.exception.errors,
            ["Värde 14: värdet ”” för 2020 är inte ett heltal ≥ 0."],
        )
        self.assertFalse(PopulationDataset.objects.exists())

    def test_json_stat_2_with_wrong_size_is_refused(self):
        data = json.loads((DATA / "befolkning_pxwebapi2.json").read_text())
        data["value"].pop()
        with self.assertRaises(PopulationImportError) as ctx:
            import_population(json.dumps(data).encode(), source="SCB")
        self.assertEqual(
            ctx.exception.errors, ["JSON-stat-filen har 35 värden, dimensionerna ger 36."]
        )

    def test_px_web_json_picks_the_population_content(self):
        self.load("befolkning_pxweb.json")
        # Folkmängd (BE0101N1), not Folkökning; 40 år: 320 + 45 + 3.
        self.assertEqual(figures(), {("0114", 0): 590, ("0114", 40): 368, ("0180", 100): 40})

    def test_px_web_json_with_an_unknown_region_names_the_row(self):
        data = json.loads((DATA / "befolkning_pxweb.json").read_text())
        data["data"][2]["key"][0] = "9999"
        with self.assertRaises(PopulationImportError) as ctx:
            import_population(json.dumps(data).encode("utf-8-sig"), source="SCB")
        self.assertEqual(ctx.exception.errors, ["Rad 3 i data: okänd region ”9999”."])

    def test_json_that_is_neither_format_is_refused(self):
        with self.assertRaises(PopulationImportError) as ctx:
            import_population(b'{"rows": []}', source="SCB")
        self.assertIn("JSON-stat 2.0", ctx.exception.errors[0])
        with self.assertRaises(PopulationImportError) as ctx:
            import_population(b'{"columns": [', source="SCB")
        self.assertIn("inte giltig JSON", ctx.exception.errors[0])

    def test_total_rows_beside_their_parts_are_not_counted_twice(self):
        text = (
            "region,kön,ålder,2019\n"
            "0180 Stockholm,män,0 år,10\n"
            "0180 Stockholm,kvinnor,0 år,12\n"
            "0180 Stockholm,totalt,0 år,22\n"
        )
        import_population(text.encode(), source="SCB")
        self.assertEqual(figures(), {("0180", 0): 22})


class FiveYearGroupsTestCase(BaseTestCase):
    def test_five_year_groups_are_stored_with_their_span(self):
        import_population((DATA / "befolkning_5ar.csv").read_bytes(), source="SCB")
        self.assertEqual(
            sorted(PopulationFigure.objects.values_list("age", "age_span", "count")),
            [
                (0, 5, 3000),
                (5, 5, 2900),
                (10, 5, 2800),
                (15, 5, 2500),
                (20, 5, 2400),
                (25, 5, 2600),
                (100, 1, 5),
            ],
        )

    def import_country(self):
        lines = ["region,ålder,2019"]
        for org in Organisation.objects.filter(kind="municipality"):
            for n, low in enumerate(range(0, 30, 5), start=1):
                lines.append(f"{org.code} {org.name},{low}-{low + 4} år,{n * 10}")
        import_population("\n".join(lines).encode(), source="SCB")

    def test_five_year_groups_serve_a_band_that_follows_them(self):
        self.import_country()
        by_org = population_by_organisation(2019, "municipality", 0, 24)
        # 0–4, 5–9, 10–14, 15–19, 20–24: 10 + 20 + 30 + 40 + 50.
        self.assertEqual(by_org[self.stockholm], 150)
        self.assertEqual(population_by_organisation(2019, "municipality")[self.stockholm], 210)

    def test_five_year_groups_cannot_serve_a_band_that_cuts_them(self):
        self.import_country()
        with self.assertRaises(AgeGroupsDoNotFit) as ctx:
            population_by_organisation(2019, "municipality", 0, 17)
        self.assertEqual(
            str(ctx.exception),
            "Befolkningsuppgifterna för 2019 är i åldersgrupper som inte följer "
            "åldersintervallet 0–17 år (15–19 år): hur många i gruppen som hör till "
            "intervallet går inte att veta. Importera SCB:s tabell med ettårsklasser "
            "(0 år, 1 år, …), eller välj ett intervall som börjar och slutar där grupperna gör.",
        )
        with self.assertRaisesMessage(AgeGroupsDoNotFit, "18 år och äldre (15–19 år)"):
            population_by_organisation(2019, "municipality", 18, None)

    def test_overlapping_groups_are_refused(self):
        text = "region,ålder,2019\n0180 Stockholm,0-4 år,10\n0180 Stockholm,3 år,2\n"
        with self.assertRaises(PopulationImportError) as ctx:
            import_population(text.encode(), source="SCB")
        self.assertEqual(
            ctx.exception.errors,
            ["2019, region 0180: åldrarna 0–4 år och 3 år överlappar."],
        )
