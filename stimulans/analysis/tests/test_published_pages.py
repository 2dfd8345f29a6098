"""A published version's pages are rendered once and then served from the cache to visitors who
read only published years (`views.published_pages`)."""

import re

from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils.html import escape

from stimulans.funds.models import Agreement, Category
from stimulans.organisations.models import OrganisationKind

from .. import snapshot
from ..trends import part_trend
from .helpers import PageTestCase, county_org, make_initiative, make_report, previous_year_pot
from .test_snapshot import page


class PublishedPagesTest(PageTestCase):
    def setUp(self):
        cache.clear()

    def urls(self):
        part = [2020, "suicidprevention"]
        return [
            reverse("analysis:year_report", args=[2020]),
            reverse("analysis:county_sheet", args=[2020, "01"]),
            reverse("analysis:part_analysis", args=part),
            reverse("analysis:part_analysis", args=part) + "?lan=03",
        ]

    def queries(self, url):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return page(response), len(queries)

    def test_a_visitor_is_served_the_rendered_content_again(self):
        snapshot.publish(self.agreement, self.anna)
        for user in (None, self.alice):  # anonymous, a reporter
            if user:
                self.login(user)
            for url in self.urls():
                first, first_queries = self.queries(url)
                with override_settings(PUBLISHED_PAGES_CACHED=False):
                    rendered, rendered_queries = self.queries(url)
                again, again_queries = self.queries(url)
                self.assertEqual(again, first, url)
                self.assertEqual(rendered, first, url)  # the same page as rendering it now
                self.assertLess(again_queries, rendered_queries, url)
                with override_settings(PUBLISHED_WHOLE_PAGES_CACHED=False):
                    frame, frame_queries = self.queries(url)  # only the content cached
                self.assertEqual(frame, first, url)
                if user is None:  # the whole page: the publication state alone
                    self.assertEqual(again_queries, 1, url)
                    self.assertLess(again_queries, frame_queries, url)
            self.logout()

    def test_the_cached_page_holds_the_visitors_own_csrf_token(self):
        snapshot.publish(self.agreement, self.anna)
        url = self.urls()[2]
        tokens = []
        for _visitor in range(3):  # the first renders and stores the page, the others read it
            client = Client(enforce_csrf_checks=True)
            response = client.get(url)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)[1]
            self.assertContains(response, f'"X-CSRFToken": "{token}"')
            tokens.append(token)
            # The language switch, a POST, accepts it (CSRF checked): the page in English.
            response = client.post(
                reverse("set_language"),
                {"language": "en", "next": url, "csrfmiddlewaretoken": token},
            )
            self.assertRedirects(response, url, fetch_redirect_response=False)
            self.assertContains(client.get(url), 'lang="en"')
        self.assertEqual(len(set(tokens)), 3)
        self.assertEqual(len(cache.get(self.whole_page_keys()[0])[1]), 3)  # split twice

    def whole_page_keys(self):
        return [key.split(":", 2)[2] for key in cache._cache if "published-whole-page" in key]

    def test_a_waiting_message_is_shown_not_cached(self):
        snapshot.publish(self.agreement, self.anna)
        url = self.urls()[0]
        self.client.get(url)
        storage = CookieStorage(RequestFactory().get("/"))
        storage.add(messages.INFO, "Ett meddelande till besökaren")
        response = HttpResponse()
        storage.update(response)
        self.client.cookies["messages"] = response.cookies["messages"].value
        self.assertContains(self.client.get(url), "Ett meddelande till besökaren")
        self.assertNotContains(self.client.get(url), "Ett meddelande till besökaren")

    def test_only_plain_addresses_are_kept_whole(self):
        snapshot.publish(self.agreement, self.anna)
        part = self.urls()[2]
        for url in (part + "?lan=03", part + "?lan=03&x=1", part + "?lan=03&lan=01", part):
            response = self.client.get(url)
            self.assertContains(response, f'name="next" type="hidden" value="{escape(url)}"')
            self.assertContains(self.client.get(url), escape(url))
        self.assertEqual(len(self.whole_page_keys()), 2)
        self.assertEqual(self.client.get(part + "?lan=99").status_code, 404)
        self.assertEqual(len(self.whole_page_keys()), 2)

    def test_a_logged_in_visitor_gets_their_own_frame(self):
        snapshot.publish(self.agreement, self.anna)
        url = self.urls()[1]
        self.assertContains(self.client.get(url), "Logga in")
        self.login(self.alice)
        response = self.client.get(url)
        self.assertNotContains(response, ">Logga in<")
        self.assertContains(response, "Logga ut")
        self.assertContains(response, self.alice.get_full_name())

    def test_a_new_version_is_served_at_once(self):
        snapshot.publish(self.agreement, self.anna)
        url = self.urls()[0]
        self.assertContains(self.client.get(url), "2 av 21 har redovisat.")
        report = make_report(county_org("04"), self.suicide_pot)
        make_initiative(report, self.cat["kunskap-kompetens"], title="Ny insats")
        self.assertContains(self.client.get(url), "2 av 21 har redovisat.")  # still as published
        snapshot.publish(self.agreement, self.anna, "Södermanland")
        response = self.client.get(url)
        self.assertContains(response, "3 av 21 har redovisat.")
        self.assertContains(response, "Publicerad version 2")

    def test_unpublished_the_cached_pages_are_not_public(self):
        snapshot.publish(self.agreement, self.anna)
        for url in self.urls():
            self.assertEqual(self.client.get(url).status_code, 200)
        snapshot.unpublish(self.agreement, self.anna)
        for url in self.urls():
            self.assertRedirects(self.client.get(url), "/konto/logga-in/?next=" + url)

    def test_analysts_and_coordinators_are_not_served_the_visitors_page(self):
        snapshot.publish(self.agreement, self.anna)
        url = self.urls()[0]
        self.client.get(url)  # the visitors' page, now cached
        self.login(self.anna)
        self.assertContains(self.client.get(url), "Oförändrat sedan publiceringen.")
        self.assertContains(self.client.get(url), "Publicera en ny version")
        self.login(self.cora)
        self.assertNotContains(self.client.get(url), "sedan publiceringen")
        self.logout()
        self.assertNotContains(self.client.get(url), "sedan publiceringen")


class PublishedTrendTest(PageTestCase):
    """The part page's trend over the years, of a published year: every year as published."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        pot = previous_year_pot("suicidprevention", OrganisationKind.COUNTY, 2019)
        cls.kunskap_2019 = Category.objects.create(pot=pot, slug="kunskap-kompetens", title="K")
        cls.report_2019 = make_report(county_org("01"), pot)
        make_initiative(cls.report_2019, cls.kunskap_2019, funds_sek=10)

    def setUp(self):
        cache.clear()

    def trend_cells(self):
        trend = part_trend(self.suicide, published=True)
        (pot,) = trend["pots"]
        row = next(r for r in pot["rows"] if r["title"] == self.cat["kunskap-kompetens"].title)
        return [c and (c["actors_with_activities"], c["funds_sek"]) for c in row["cells"]]

    def test_the_trend_of_a_published_year_stays_as_published(self):
        snapshot.publish(Agreement.objects.get(year=2019))
        snapshot.publish(self.agreement, self.anna)
        url = reverse("analysis:part_analysis", args=[2020, "suicidprevention"])
        before = page(self.client.get(url))
        self.assertEqual(self.trend_cells(), [(1, 10), (1, 40)])
        # Later reports in both years: the live figures change, the published ones do not.
        make_initiative(self.report_2019, self.kunskap_2019, funds_sek=7000)
        later = make_report(county_org("04"), self.suicide_pot)
        make_initiative(later, self.cat["kunskap-kompetens"], funds_sek=9000)
        self.assertEqual(
            [(c["actors_with_activities"], c["funds_sek"]) for c in self.live_cells()],
            [(1, 7010), (2, 9040)],
        )
        self.assertEqual(self.trend_cells(), [(1, 10), (1, 40)])
        cache.clear()  # an eviction or a restart: the page is rendered again
        after = page(self.client.get(url))
        self.assertEqual(after, before)
        self.assertNotContains(self.client.get(url), "7\xa0010")

    def live_cells(self):
        (pot,) = part_trend(self.suicide)["pots"]
        row = next(r for r in pot["rows"] if r["title"] == self.cat["kunskap-kompetens"].title)
        return row["cells"]
