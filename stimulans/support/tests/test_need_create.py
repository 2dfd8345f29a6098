from stimulans.support.models import SupportNeed, SupportTheme
from stimulans.test import BaseTestCase

from .factories import make_register

URL = "/stod/behov/nytt/"


class NeedCreateTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_register(cls)

    def data(self, county, **extra):
        return {
            "source": "dialogue",
            "dialogue": self.dialogue.pk,
            "year": 2026,
            "county": county.pk,
            "description": "Nytt behov",
            **extra,
        }

    def test_it_checks_ownership(self):
        self.assertAccess(
            URL,
            allowed=[self.cora, self.otto, self.anna, self.adam],
            refused=[self.alice, self.bob, self.regina],
            ok=200,
        )

    def test_a_coordinator_adds_a_need_for_its_own_county_only(self):
        self.login(self.cora)
        response = self.client.post(URL, self.data(self.county_stockholm.county))
        self.assertEqual(response.status_code, 302, response.content)
        need = SupportNeed.objects.get(description="Nytt behov")
        self.assertEqual((need.created_by, need.theme), (self.cora, None))
        response = self.client.post(
            URL, self.data(self.county_uppsala.county, description="Fel län")
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(SupportNeed.objects.filter(description="Fel län").exists())

    def test_an_analyst_codes_the_need_when_adding_it(self):
        self.login(self.anna)
        theme = SupportTheme.objects.get(code="samverkan")
        response = self.client.post(
            URL,
            self.data(
                self.county_uppsala.county,
                dialogue="",
                source="workshop",
                workshop=self.action.pk,
                theme=theme.pk,
            ),
        )
        self.assertEqual(response.status_code, 302, response.content)
        need = SupportNeed.objects.get(description="Nytt behov")
        self.assertEqual(
            (need.theme, need.coded_by, need.workshop), (theme, self.anna, self.action)
        )

    def test_it_names_what_is_missing(self):
        self.login(self.anna)
        response = self.client.post(
            URL, self.data(self.county_uppsala.county, dialogue="", organisation=self.stockholm.pk)
        )
        page = response.content.decode()
        self.assertIn("Välj dialogen där behovet kom fram.", page)
        self.assertIn("Organisationen hör inte till det valda länet.", page)
        response = self.client.post(URL, self.data(self.county_uppsala.county))
        self.assertIn("Dialogen hölls med ett annat län.", response.content.decode())
        self.assertFalse(SupportNeed.objects.filter(description="Nytt behov").exists())
