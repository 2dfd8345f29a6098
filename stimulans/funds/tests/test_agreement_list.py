from stimulans.test import FundsTestCase


class AgreementListTestCase(FundsTestCase):
    url = "/avtal/"

    def test_it_works(self):
        self.login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "Överenskommelse om insatser inom området psykisk hälsa 2020")
        self.assertContains(r, "1\u00a0716\u00a0000\u00a0000")
        self.assertNotContains(r, "Ladda upp")

    def test_admin_sees_the_upload_form(self):
        self.login(self.adam)
        self.assertContains(self.client.get(self.url), "Ladda upp")

    def test_it_checks_ownership(self):
        # Public figures: every logged-in role reads them; anonymous visitors must log in.
        self.assertOpenToEveryLoggedInRole(self.url)
