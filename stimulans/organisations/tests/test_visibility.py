"""`Organisation.objects.visible_to(user)`: the one rule of which organisations a user reads,
used by the lists and, through `can_view_organisation`, by every page of one organisation."""

from django.contrib.auth.models import AnonymousUser

from stimulans.accounts.permissions import can_view_organisation
from stimulans.organisations.models import Organisation
from stimulans.test import BaseTestCase


class VisibleToTest(BaseTestCase):
    def visible(self, user):
        return set(Organisation.objects.visible_to(user))

    def test_it_checks_ownership(self):
        everything = set(Organisation.objects.all())
        in_stockholms_lan = set(Organisation.objects.filter(county=self.stockholm.county))
        self.assertIn(self.botkyrka, in_stockholms_lan)
        self.assertNotIn(self.uppsala, in_stockholms_lan)
        # Own organisation only, for a reporter (another organisation of the county is not).
        self.assertEqual(self.visible(self.alice), {self.stockholm})
        self.assertEqual(self.visible(self.regina), {self.region_stockholm})
        # A county coordinator: every organisation of the county, none of another county.
        self.assertEqual(self.visible(self.cora), in_stockholms_lan)
        self.assertNotIn(self.stockholm, self.visible(self.otto))
        # Analysts and national administrators: every one; anonymous users: none.
        self.assertEqual(self.visible(self.anna), everything)
        self.assertEqual(self.visible(self.adam), everything)
        self.assertEqual(self.visible(AnonymousUser()), set())

    def test_the_check_of_one_organisation_follows_the_list(self):
        users = [self.alice, self.bob, self.regina, self.cora, self.otto, self.anna, self.adam]
        organisations = [self.stockholm, self.botkyrka, self.uppsala, self.county_uppsala]
        for user in [*users, AnonymousUser()]:
            visible = self.visible(user)
            for organisation in organisations:
                self.assertEqual(
                    can_view_organisation(user, organisation),
                    organisation in visible,
                    (user, organisation),
                )
