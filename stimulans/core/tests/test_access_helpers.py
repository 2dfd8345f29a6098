"""The access helpers of stimulans.test fail when a page lets in or keeps out the wrong users
(a helper that cannot fail would make every ownership test pass)."""

from django.urls import reverse

from stimulans.test import BaseTestCase

PUBLIC = "/healthz/"


class AccessHelpersTest(BaseTestCase):
    url = reverse("plans:national_overview")  # analysts and national administrators only

    def test_the_right_users_pass(self):
        self.assertAccess(self.url, allowed=[self.anna, self.adam], refused=[self.cora, self.alice])
        self.assertAccess(self.url, refused=[self.cora], refused_status=403)
        self.assertAccess(PUBLIC, allowed=[self.alice, None], ok=200)
        self.assertOpenToEveryLoggedInRole(reverse("funds:agreement_list"))

    def test_a_refused_user_who_gets_in_fails(self):
        with self.assertRaises(AssertionError):
            self.assertAccess(self.url, refused=[self.anna])

    def test_an_allowed_user_who_is_refused_fails(self):
        with self.assertRaises(AssertionError):
            self.assertAccess(self.url, allowed=[self.cora])

    def test_the_wrong_refusal_fails(self):
        with self.assertRaises(AssertionError):
            self.assertAccess(self.url, refused=[self.cora], refused_status=404)

    def test_an_anonymous_visitor_who_gets_in_fails(self):
        with self.assertRaises(AssertionError):
            self.assertAccess(PUBLIC, allowed=[self.alice])
        with self.assertRaises(AssertionError):
            self.assertAccess(PUBLIC, allowed=[self.alice], refused=[None])
        with self.assertRaises(AssertionError):
            self.assertOpenToEveryLoggedInRole(PUBLIC)

    def test_a_page_closed_to_a_role_is_not_open_to_every_role(self):
        with self.assertRaises(AssertionError):
            self.assertOpenToEveryLoggedInRole(self.url)

    def test_an_anonymous_visitor_in_refused_may_be_refused_in_any_way(self):
        self.assertAccess(self.url, refused=[self.cora, None])
        with self.assertRaises(AssertionError):
            self.assertAccess(PUBLIC, refused=[None])
        # With refused_status, anonymous visitors must get that status too (not the login page).
        with self.assertRaises(AssertionError):
            self.assertAccess(self.url, refused=[self.cora, None], refused_status=403)

    def test_it_returns_what_each_allowed_user_sees(self):
        pages = self.assertAccess(self.url, allowed=[self.anna, self.adam], ok=200)
        self.assertEqual(set(pages), {self.anna, self.adam})
        self.assertTrue(all(page.status_code == 200 for page in pages.values()))
