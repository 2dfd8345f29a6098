from django.core.files.uploadedfile import SimpleUploadedFile

from stimulans.organisations.models import PopulationDataset
from stimulans.test import BaseTestCase

GOOD = "region,ålder,2019\n0180 Stockholm,0 år,10\n0127 Botkyrka,0 år,5\n".encode()


class PopulationTestCase(BaseTestCase):
    url = "/organisationer/befolkning/"

    def form(self, content, name="folkmangd.csv", official=True, replace_year=False):
        data = {"file": SimpleUploadedFile(name, content), "source": "SCB"}
        if official:
            data["official"] = "on"
        if replace_year:
            data["replace_year"] = "on"
        return data

    def post(self, content, **options):
        return self.client.post(self.url, self.form(content, **options))

    def test_admin_imports(self):
        self.login(self.adam)
        r = self.post(GOOD)
        self.assertRedirects(r, self.url)
        self.assertEqual(PopulationDataset.objects.get().figures.count(), 2)

    def test_admin_imports_scb_json(self):
        from .test_population_formats import DATA

        self.login(self.adam)
        content = (DATA / "befolkning_pxweb.json").read_bytes()
        self.assertRedirects(self.post(content, name="BefolkningNy.json"), self.url)
        self.assertEqual(PopulationDataset.objects.get().figures.count(), 3)
        r = self.post(b'{"data": []}', name="BefolkningNy.json")
        self.assertContains(r, "varken JSON-stat 2.0", status_code=400)

    def test_demo_figures_are_labelled(self):
        self.login(self.adam)
        self.post(GOOD, official=False)
        self.assertContains(self.client.get(self.url), "Demodata – inte officiell statistik")

    def test_bad_rows_are_listed_and_nothing_is_saved(self):
        self.login(self.adam)
        r = self.post("region,ålder,2019\n0180 Stockholm,0 år,10\n7777 X,0 år,1\n".encode())
        self.assertContains(r, "Rad 3: okänd region", status_code=400)
        self.assertFalse(PopulationDataset.objects.exists())

    def test_a_file_for_part_of_the_country_needs_the_replace_year_box(self):
        from .test_population_import import PART, country_csv

        self.login(self.adam)
        self.assertRedirects(self.post(country_csv()), self.url)
        r = self.post(PART.encode())
        self.assertContains(r, "325 organisationer har befolkningsuppgifter", status_code=400)
        self.assertContains(r, "kryssa i ”Ersätt hela året”", status_code=400)
        self.assertEqual(PopulationDataset.objects.get().figures.count(), 290)
        self.assertRedirects(self.post(PART.encode(), replace_year=True), self.url)
        self.assertEqual(PopulationDataset.objects.get().figures.count(), 3)

    def test_wrong_type_and_size_are_refused(self):
        self.login(self.adam)
        r = self.post(GOOD, name="folkmangd.xlsx")
        self.assertContains(r, "fel typ", status_code=400)
        with self.settings(MAX_UPLOAD_BYTES=10):
            r = self.post(GOOD)
        self.assertContains(r, "för stor", status_code=400)
        self.assertFalse(PopulationDataset.objects.exists())

    def test_path_separators_in_file_names_are_dropped(self):
        self.login(self.adam)
        self.post(GOOD, name="../../etc/folkmangd.csv")
        self.assertEqual(PopulationDataset.objects.get().filename, "folkmangd.csv")

    def test_it_checks_ownership(self):
        refused = [self.alice, self.cora, self.anna]
        self.assertAccess(self.url, refused=refused, refused_status=403)
        self.assertAccess(
            self.url, refused=refused, refused_status=403, method="post", data=self.form(GOOD)
        )
        self.assertFalse(PopulationDataset.objects.exists())
