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

    def assertImportRefused(self, text, *fragments):
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
        self.assertImportRefused(
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
        self.assertImportRefused("kommun,ålder,2019\n0180,0 år,1\n", "region")
        self.assertImportRefused("region,2019\n0180 Stockholm,1\n", "ålder")
        self.assertImportRefused("region,ålder,antal\n0180 Stockholm,0 år,1\n", "antal")


def country_csv(year=2019, value=10, with_counties=False):
    """SCB's shape for the whole country: every municipality (and county, if asked)."""
    from stimulans.organisations.models import County, Organisation

    lines = ["region,ålder,kön," + str(year)]
    for org in Organisation.objects.filter(kind="municipality").order_by("code"):
        lines += [
            f"{org.code} {org.name},0 år,män,{value}",
            f"{org.code} {org.name},0 år,kvinnor,1",
        ]
    if with_counties:
        lines += [f"{c.code} {c.name},0 år,män,{value}" for c in County.objects.all()]
    return "\n".join(lines).encode()


PART = "region,ålder,2019\n0180 Stockholm,0 år,5\n0127 Botkyrka,0 år,6\n0380 Uppsala,0 år,7\n"


class PartialPopulationTestCase(BaseTestCase):
    def figures(self):
        return sorted(PopulationFigure.objects.values_list("area_code", "count"))

    def test_a_file_for_part_of_the_country_does_not_replace_the_whole_year(self):
        from stimulans.organisations.population import PartialPopulationError

        import_population(country_csv(), source="SCB")
        before = self.figures()
        self.assertEqual(len(before), 290)
        with self.assertRaises(PartialPopulationError) as ctx:
            import_population(PART.encode(), source="SCB")
        # 287 municipalities, and the regions and county recipients of the 19 counties that
        # none of the three belongs to.
        self.assertEqual(
            ctx.exception.errors,
            [
                "2019: 325 organisationer har befolkningsuppgifter i dag men saknas i filen och "
                "skulle förlora dem (kommuner: 287, regioner: 19, län: 19)."
            ],
        )
        self.assertEqual(self.figures(), before)

    def test_replace_year_replaces_the_whole_year_on_purpose(self):
        import_population(country_csv(), source="SCB")
        import_population(PART.encode(), source="SCB", replace_year=True)
        self.assertEqual(self.figures(), [("0127", 6), ("0180", 5), ("0380", 7)])

    def test_files_for_the_whole_country_keep_replacing_the_year(self):
        import_population(country_csv(value=10, with_counties=True), source="SCB")
        # Without the county rows: the regions still have figures, from their municipalities.
        import_population(country_csv(value=20), source="SCB")
        self.assertEqual({n for _code, n in self.figures()}, {21})
        self.assertEqual(len(self.figures()), 290)

    def test_a_year_without_figures_takes_any_part(self):
        import_population(country_csv(year=2018), source="SCB")
        import_population(PART.encode(), source="SCB")
        self.assertEqual(PopulationDataset.objects.get(year=2019).figures.count(), 3)
