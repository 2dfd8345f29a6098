from stimulans.organisations.models import PopulationDataset, PopulationFigure
from stimulans.organisations.population import (
    PopulationImportError,
    import_population,
    population_by_organisation,
)
from stimulans.test import BaseTestCase

GOOD = """"Folkmängden efter region, ålder, kön och år"

"region","ålder","kön","2019","2020"
"00 Riket","0 år","män",60000,61000
"0180 Stockholm","0 år","män",6000,6100
"0180 Stockholm","0 år","kvinnor",5800,5900
"0180 Stockholm","30 år","män",9000,9100
"0180 Stockholm","30 år","kvinnor",8800,8900
"0180 Stockholm","totalt ålder","män",15000,15200
"0127 Botkyrka","100+ år","kvinnor",12,13
"03 Uppsala län","5 år","män",2000,2100
"""


class PopulationImportTestCase(BaseTestCase):
    def test_it_imports_scb_csv_summing_sexes(self):
        datasets = import_population(GOOD.encode("utf-8"), source="SCB")
        self.assertEqual([d.year for d in datasets], [2019, 2020])
        d2019 = PopulationDataset.objects.get(year=2019)
        figures = {(f.area_code, f.age): f.count for f in d2019.figures.all()}
        self.assertEqual(
            figures,
            {("0180", 0): 11800, ("0180", 30): 17800, ("0127", 100): 12, ("03", 5): 2000},
        )

    def test_it_reads_windows_1252_and_semicolons(self):
        text = 'region;ålder;2019\n"0180 Stockholm";"0 år";"1 234"\n'
        import_population(text.encode("cp1252"), source="SCB")
        self.assertEqual(PopulationFigure.objects.get(area_code="0180").count, 1234)

    def test_county_population_sums_its_municipalities(self):
        from stimulans.organisations.models import County

        lines = [
            "region,ålder,2019",
            "0180 Stockholm,0 år,100",
            "0180 Stockholm,40 år,7",
            "0127 Botkyrka,3 år,20",
            "01 Stockholms län,0 år,999999",
        ]
        lines += [
            f"{c.code} {c.name},1 år,{int(c.code) * 10}" for c in County.objects.exclude(code="01")
        ]
        import_population("\n".join(lines).encode(), source="SCB")
        by_code = {
            org.code: n for org, n in population_by_organisation(2019, "region", 0, 24).items()
        }
        # Stockholm from its municipalities (the county row is not added on top), the other
        # counties from their own rows.
        self.assertEqual(by_code["01"], 120)
        self.assertEqual(by_code["03"], 30)
        self.assertEqual(len(by_code), 21)
        self.assertEqual(population_by_organisation(2019, "county")[self.county_stockholm], 127)

    def test_missing_population_is_named(self):
        from stimulans.organisations.population import MissingPopulation

        import_population(GOOD.encode("utf-8"), source="SCB")
        with self.assertRaisesMessage(MissingPopulation, "Region Sörmland"):
            population_by_organisation(2019, "region")
        with self.assertRaisesMessage(MissingPopulation, "2018"):
            population_by_organisation(2018, "region")

    def assertRefused(self, text, *fragments):
        import_population("region,ålder,2019\n0180 Stockholm,0 år,5\n".encode(), source="old")
        before = list(PopulationFigure.objects.values_list("area_code", "age", "count"))
        with self.assertRaises(PopulationImportError) as ctx:
            import_population(text.encode("utf-8"), source="new")
        message = "\n".join(ctx.exception.errors)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.assertEqual(
            list(PopulationFigure.objects.values_list("area_code", "age", "count")), before
        )
        self.assertEqual(PopulationDataset.objects.get().source, "old")

    def test_bad_rows_are_named_and_nothing_changes(self):
        self.assertRefused(
            "region,ålder,2019\n"
            "0180 Stockholm,0 år,10\n"
            "9999 Ingenstans,0 år,10\n"
            "0127 Botkyrka,tio år,10\n"
            "0127 Botkyrka,1 år,..\n"
            "0180 Stockholm,0 år,11\n",
            "Rad 3: okänd region ”9999 Ingenstans”",
            "Rad 4: åldern ”tio år”",
            "Rad 5: värdet ”..”",
            "Rad 6:",
        )

    def test_missing_header_is_refused(self):
        self.assertRefused("kommun,ålder,2019\n0180,0 år,1\n", "region")
        self.assertRefused("region,2019\n0180 Stockholm,1\n", "ålder")
        self.assertRefused("region,ålder,antal\n0180 Stockholm,0 år,1\n", "antal")
