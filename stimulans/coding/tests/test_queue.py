"""The coding list and the coding page for a day of coding: queues, progress, filters kept
from page to page, next / previous within the filter, saving with htmx without leaving the
page."""

from stimulans.analysis.models import InitiativeCoding

from ..codings import save_code
from ..models import CoderCode
from .helpers import CodingTestCase


class QueueTest(CodingTestCase):
    def test_access(self):
        self.assertAccess(
            self.base_url("ko/"),
            allowed=(self.anna, self.adam),
            refused=(self.alice, self.bob, self.cora, self.otto),
            ok=200,
        )
        self.assertAccess(
            self.base_url("ko/foresla/"), allowed=(), refused=(self.alice, self.cora), method="post"
        )

    def test_unknown_part(self):
        self.login(self.anna)
        self.assertEqual(self.client.get("/kodning/2020/finns-inte/ko/").status_code, 404)

    def test_progress_and_not_yet_coded(self):
        save_code(self.initiatives[0], self.anna, {"category": self.cat["kunskap-kompetens"]})
        self.login(self.anna)
        response = self.client.get(self.base_url("ko/?ko=okodade"))
        self.assertEqual((response.context["coded"], response.context["total"]), (1, 6))
        listed = [i.pk for i, _s in response.context["rows"]]
        self.assertEqual(sorted(listed), sorted(i.pk for i in self.initiatives[1:]))

    def test_filters_are_kept_and_next_previous_stay_within_them(self):
        self.login(self.anna)
        response = self.client.get(self.base_url("ko/?ko=okodade&lan=03"))
        uppsala = [i.pk for i, _s in response.context["rows"]]
        self.assertEqual(sorted(uppsala), sorted(i.pk for i in self.initiatives[1::2]))
        self.assertContains(response, f"insats/{uppsala[0]}/?ko=okodade&amp;lan=03")
        page = self.client.get(self.base_url(f"insats/{uppsala[0]}/?ko=okodade&lan=03"))
        self.assertEqual(page.context["previous_url"], "")
        self.assertEqual(
            page.context["next_url"], self.base_url(f"insats/{uppsala[1]}/?ko=okodade&lan=03")
        )
        self.assertEqual(page.context["queue_url"], self.base_url("ko/?ko=okodade&lan=03"))
        # Saving goes on to the next initiative of the same filter.
        response = self.client.post(
            self.base_url(f"insats/{uppsala[0]}/?ko=okodade&lan=03"),
            {"category": self.cat["kunskap-kompetens"].pk},
        )
        self.assertRedirects(
            response,
            self.base_url(f"insats/{uppsala[1]}/?ko=okodade&lan=03"),
            fetch_redirect_response=False,
        )

    def test_htmx_save_stays_on_the_page(self):
        self.login(self.anna)
        url = self.base_url(f"insats/{self.initiatives[0].pk}/")
        response = self.client.post(
            url,
            {"category": self.cat["kunskap-kompetens"].pk, "stay": "1"},
            headers={"HX-Request": "true"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'id="kodning"')
        self.assertContains(response, "Kodningen är sparad.")
        self.assertNotContains(response, "<html")
        self.assertEqual(
            InitiativeCoding.objects.get(initiative=self.initiatives[0]).category,
            self.cat["kunskap-kompetens"],
        )
        self.assertEqual(CoderCode.objects.get(initiative=self.initiatives[0]).coder, self.anna)

    def test_bad_input(self):
        self.login(self.anna)
        url = self.base_url(f"insats/{self.initiatives[0].pk}/")
        response = self.client.post(url, {"category": "999999", "effect_level": "fel"})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(CoderCode.objects.exists())
