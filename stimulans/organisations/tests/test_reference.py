from stimulans.organisations.models import County, Organisation
from stimulans.organisations.reference import load_organisations
from stimulans.test import BaseTestCase


class ReferenceTestCase(BaseTestCase):
    def test_it_knows_every_organisation(self):
        self.assertEqual(County.objects.count(), 21)
        self.assertEqual(Organisation.objects.filter(kind="region").count(), 21)
        self.assertEqual(Organisation.objects.filter(kind="county").count(), 21)
        self.assertEqual(Organisation.objects.filter(kind="municipality").count(), 290)

    def test_codes_are_strings_with_leading_zeros(self):
        self.assertEqual(self.region_stockholm.code, "01")
        self.assertEqual(self.region_stockholm.name, "Region Stockholm")
        self.assertEqual(self.stockholm.code, "0180")
        self.assertEqual(self.botkyrka.county.code, "01")
        self.assertEqual(
            Organisation.objects.get(kind="municipality", code="2584").county.code, "25"
        )

    def test_loading_again_changes_nothing(self):
        before = list(Organisation.objects.values_list("pk", "kind", "code", "name"))
        load_organisations()
        self.assertEqual(
            list(Organisation.objects.values_list("pk", "kind", "code", "name")), before
        )


def test_a_transactional_test_starts_without_organisations(transactional_db):
    # The session's organisations are for the tests that roll back; a transactional test
    # starts with an empty database, as it did before they were loaded once per session.
    assert not Organisation.objects.exists()
    load_organisations()
    assert Organisation.objects.count() == 332
