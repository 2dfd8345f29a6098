from stimulans.test import BaseTestCase

from .factories import make_register

URL = "/stod/behov/"


class NeedListTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_register(cls)

    def test_it_checks_ownership(self):
        pages = self.assertAccess(
            URL,
            allowed=[
                self.alice,
                self.bob,
                self.charlie,
                self.cora,
                self.otto,
                self.anna,
                self.adam,
            ],
            ok=200,
        )
        seen = {user: page.content.decode() for user, page in pages.items()}
        for user in (self.anna, self.adam):
            self.assertIn("Mått för mobila team", seen[user])
            self.assertIn("Samverkan i Uppsala", seen[user])
        # A county coordinator reads its county's needs, a reporter its organisation's.
        self.assertIn("Mått för mobila team", seen[self.cora])
        self.assertNotIn("Samverkan i Uppsala", seen[self.cora])
        self.assertIn("Mått för mobila team", seen[self.alice])
        self.assertNotIn("Mått för mobila team", seen[self.bob])
        self.assertIn("Samverkan i Uppsala", seen[self.charlie])
        self.assertNotIn("Mått för mobila team", seen[self.charlie])
        self.assertIn("Nytt stödbehov", seen[self.cora])
        self.assertNotIn("Nytt stödbehov", seen[self.alice])

    def test_it_filters_by_theme(self):
        self.need.theme = self.need.__class__.theme.field.related_model.objects.get(
            code="uppfoljning"
        )
        self.need.save()
        self.login(self.anna)
        page = self.client.get(URL + "?tema=uppfoljning").content.decode()
        self.assertIn("Mått för mobila team", page)
        self.assertNotIn("Samverkan i Uppsala", page)
        page = self.client.get(URL + "?tema=okodat").content.decode()
        self.assertNotIn("Mått för mobila team", page)
        self.assertIn("Samverkan i Uppsala", page)
