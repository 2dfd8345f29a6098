"""The coding list and the coding page for a day of coding: queues, progress, filters kept
from page to page, next / previous within the filter, saving with htmx without leaving the
page."""

from stimulans.analysis.models import InitiativeCoding

from ..codings import save_code
from ..models import CoderCode, Suggestion, SuggestionModel
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


class BulkAndFiltersTest(CodingTestCase):
    """Bulk acceptance of the obvious cases, never over an analyst's coding; the filters kept
    when switching queues, going back and after the current initiative left the queue."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.model = SuggestionModel.objects.create(part=cls.part, version="v1", training_size=9)
        # initiatives[0, 2, 4] are Stockholm county's (lan 01), [1, 3, 5] Uppsala's (lan 03).
        cls.sure = cls.suggest(cls.initiatives[0], 0.95, 0.92)
        cls.unsure_level = cls.suggest(cls.initiatives[2], 0.97, 0.6)
        cls.other_county = cls.suggest(cls.initiatives[1], 0.99, 0.99)

    @classmethod
    def suggest(cls, initiative, category_confidence, level_confidence):
        return Suggestion.objects.create(
            initiative=initiative,
            model=cls.model,
            category=cls.cat["kunskap-kompetens"],
            category_confidence=category_confidence,
            effect_level="organisation",
            effect_level_confidence=level_confidence,
        )

    def url(self):
        return self.base_url("ko/godta/")

    def test_obvious_cases_in_the_filter_after_a_confirmation(self):
        self.login(self.anna)
        data = {"sakerhet": "90", "lan": "01", "ko": "forslag"}
        asked = self.client.post(self.url(), data)
        self.assertContains(asked, "1 insatser i listan saknar kodning")
        self.assertContains(asked, '<input type="hidden" name="lan" value="01">', html=True)
        self.assertFalse(CoderCode.objects.exists())
        response = self.client.post(self.url(), {**data, "confirmed": "1"})
        self.assertRedirects(
            response, self.base_url("ko/?ko=forslag&lan=01"), fetch_redirect_response=False
        )
        code = CoderCode.objects.get()
        self.assertEqual(
            (code.initiative, code.coder, code.from_suggestion),
            (self.initiatives[0], self.anna, True),
        )
        coding = InitiativeCoding.objects.get()
        self.assertEqual(
            (coding.initiative, coding.category, coding.effect_level),
            (self.initiatives[0], self.cat["kunskap-kompetens"], "organisation"),
        )

    def test_a_bad_threshold_codes_nothing(self):
        self.login(self.anna)
        for value in ("30", "101", "mycket"):
            response = self.client.post(self.url(), {"sakerhet": value, "confirmed": "1"})
            self.assertEqual(response.status_code, 302)
            messages = [str(m) for m in response.wsgi_request._messages]
            self.assertIn("Ange en säkerhet mellan 50 och 100 procent.", messages)
        self.assertFalse(CoderCode.objects.exists())

    def test_bulk_never_overwrites_a_coding(self):
        save_code(
            self.initiatives[0], self.anna, {"category": self.cat["samordning-projektledning"]}
        )
        self.login(self.adam)
        ticked = self.client.post(self.url(), {"insats": [self.initiatives[0].pk]})
        self.assertEqual(ticked.status_code, 302)
        self.client.post(self.url(), {"sakerhet": "50", "confirmed": "1"})
        coding = InitiativeCoding.objects.get(initiative=self.initiatives[0])
        self.assertEqual(coding.category, self.cat["samordning-projektledning"])
        self.assertFalse(CoderCode.objects.filter(coder=self.adam, initiative=self.initiatives[0]))
        # The uncoded ones with a suggestion were accepted by the whole list.
        self.assertEqual(
            set(CoderCode.objects.filter(coder=self.adam).values_list("initiative", flat=True)),
            {self.initiatives[1].pk, self.initiatives[2].pk},
        )

    def test_the_list_keeps_its_filters_for_queues_and_bulk_forms(self):
        self.login(self.anna)
        response = self.client.get(self.base_url("ko/?ko=forslag&lan=03&sida=1&okand=x"))
        self.assertContains(response, 'href="?ko=okodade&amp;lan=03"')
        self.assertContains(
            response, '<input type="hidden" name="lan" value="03">', html=True, count=2
        )
        self.assertNotContains(response, 'name="sida"')
        self.assertNotContains(response, 'name="okand"')

    def test_next_and_previous_after_the_initiative_left_the_queue(self):
        uppsala = self.initiatives[1::2]
        query = "?ko=okodade&lan=03"
        save_code(uppsala[1], self.anna, {"category": self.cat["kunskap-kompetens"]})
        self.login(self.anna)
        page = self.client.get(self.base_url(f"insats/{uppsala[1].pk}/{query}"))
        self.assertEqual(
            page.context["previous_url"], self.base_url(f"insats/{uppsala[0].pk}/{query}")
        )
        self.assertEqual(page.context["next_url"], self.base_url(f"insats/{uppsala[2].pk}/{query}"))
        self.assertIsNone(page.context["position"])
        self.assertEqual(page.context["queue_url"], self.base_url(f"ko/{query}"))
        # Its neighbour, still in the queue, has its position.
        page = self.client.get(self.base_url(f"insats/{uppsala[2].pk}/{query}"))
        self.assertEqual(page.context["position"], 2)
        self.assertEqual(
            page.context["previous_url"], self.base_url(f"insats/{uppsala[0].pk}/{query}")
        )
