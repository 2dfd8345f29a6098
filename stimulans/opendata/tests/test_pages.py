"""Who reads the open data (everyone, published years only) and where the public pages link it."""

from django.urls import reverse

from .helpers import OpenDataTestCase


class AccessTest(OpenDataTestCase):
    def everyone(self):
        return [None, self.alice, self.charlie, self.cora, self.otto, self.anna, self.adam]

    def test_published_files_are_public(self):
        urls = [
            reverse("opendata:index"),
            reverse("opendata:catalogue", args=["ttl"]),
            reverse("opendata:catalogue", args=["rdf"]),
            reverse("opendata:table", args=[2020, "indikatorer", "csv"]),
            reverse("opendata:table", args=[2020, "medel", "json"]),
            reverse("opendata:year_jsonstat", args=[2020]),
            reverse("opendata:jsonstat"),
        ]
        for url in urls:
            self.assertAccess(url, allowed=self.everyone(), ok=200)

    def test_unpublished_year_is_404_for_everyone(self):
        for url in (
            reverse("opendata:table", args=[2019, "indikatorer", "csv"]),
            reverse("opendata:year_jsonstat", args=[2019]),
            reverse("opendata:table", args=[1999, "medel", "json"]),
            reverse("opendata:catalogue", args=["xml"]),
        ):
            self.assertAccess(url, refused=self.everyone(), refused_status=404)

    def test_index_lists_published_years_only(self):
        response = self.client.get(reverse("opendata:index"))
        self.assertContains(response, reverse("opendata:table", args=[2020, "kategorier", "csv"]))
        self.assertNotContains(response, "/oppna-data/2019/")
        self.assertContains(response, reverse("opendata:catalogue", args=["rdf"]))

    def test_public_pages_link_the_open_data(self):
        link = reverse("opendata:index")
        self.assertContains(self.client.get(reverse("analysis:index")), f'href="{link}"')
        self.assertContains(
            self.client.get(reverse("analysis:year_report", args=[2020])), f'href="{link}"'
        )


class AdminTest(OpenDataTestCase):
    def test_national_administrator_edits_the_settings_in_the_admin(self):
        self.adam.is_staff = True
        self.adam.save()
        self.alice.is_staff = True
        self.alice.save()
        url = reverse("admin:opendata_opendatasettings_add")
        self.login(self.alice)
        self.assertEqual(self.client.get(url).status_code, 403)
        self.login(self.adam)
        response = self.client.post(
            url,
            {
                "licence": "cc0",
                "publisher_name": "SKR",
                "contact_name": "Öppna data",
                "contact_email": "oppnadata@example.se",
            },
        )
        self.assertEqual(response.status_code, 302)
        from ..models import OpenDataSettings

        self.assertEqual(OpenDataSettings.load().licence, "cc0")
