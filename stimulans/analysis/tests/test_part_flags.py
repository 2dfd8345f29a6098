from django.urls import reverse

from .helpers import PageTestCase, make_initiative


class PartFlagsTest(PageTestCase):
    url = reverse("analysis:part_flags", args=[2020, "suicidprevention"])

    def test_it_checks_ownership(self):
        self.assertAccess(self.url, [self.anna, self.adam], [self.alice, self.cora, None])

    def test_it_lists_flags(self):
        make_initiative(self.report, None, title="Betald av regionen", within_agreement=False)
        self.login(self.anna)
        response = self.client.get(self.url)
        self.assertContains(response, "Insats betald med andra medel")
        self.assertContains(response, "Betald av regionen")
        self.assertContains(response, "Effekter utan mätning")
