"""The lead analyst: drawing a double-coding sample and adjudicating are for national
administrators and lead analysts; plain analysts code and second-code only."""

from stimulans.accounts.models import AuditEvent, AuditKind, Role
from stimulans.accounts.permissions import can_lead_coding
from stimulans.analysis.models import InitiativeCoding
from stimulans.test import make_user

from ..codings import save_code
from ..models import CoderCode, CoderRole, DoubleCodingSample
from ..sampling import draw_sample
from .helpers import CodingTestCase


class LeadAnalystTest(CodingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.lena = make_user("lena", Role.ANALYST)
        cls.lena.is_lead_analyst = True
        cls.lena.save()
        # The flag on another role is nothing.
        cls.flagged_reporter = make_user("rut", Role.REPORTER, cls.stockholm)
        cls.flagged_reporter.is_lead_analyst = True
        cls.flagged_reporter.save()

    def test_who_leads(self):
        self.assertTrue(can_lead_coding(self.adam))
        self.assertTrue(can_lead_coding(self.lena))
        for user in (self.anna, self.berit, self.alice, self.cora, self.flagged_reporter):
            self.assertFalse(can_lead_coding(user), user.username)

    def test_drawing_a_sample(self):
        url = self.base_url("urval/")
        data = {"number": "2", "seed": "7", "second_coder": self.berit.pk}
        self.assertAccess(
            url,
            allowed=(self.adam, self.lena),
            refused=(self.anna, self.berit, self.alice, self.bob, self.cora, self.otto),
            method="post",
            data=data,
            ok=302,
            refused_status=None,
        )
        self.assertEqual(
            list(DoubleCodingSample.objects.values_list("drawn_by__username", flat=True)),
            ["lena", "adam"],
        )

    def test_refused_analyst_draws_nothing(self):
        self.login(self.anna)
        response = self.client.post(
            self.base_url("urval/"), {"number": "2", "seed": "7", "second_coder": self.berit.pk}
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(DoubleCodingSample.objects.exists())

    def test_the_overview_offers_the_draw_to_leads_only(self):
        for user, shown in ((self.adam, True), (self.lena, True), (self.anna, False)):
            self.login(user)
            response = self.client.get(self.base_url())
            self.assertEqual(response.status_code, 200)
            if shown:
                self.assertContains(response, "Dra urval")
            else:
                self.assertNotContains(response, "Dra urval")
                self.assertContains(response, "huvudanalytiker")

    def _disagreement(self):
        a, b = self.cat["kunskap-kompetens"], self.cat["samordning-projektledning"]
        initiative = self.initiatives[0]
        draw_sample(self.part, 3, self.berit, self.adam, number=6)
        save_code(initiative, self.anna, {"category": a})
        save_code(initiative, self.berit, {"category": b})
        return initiative, b

    def test_adjudicating(self):
        initiative, b = self._disagreement()
        url = self.base_url(f"insats/{initiative.pk}/")
        data = {"category": b.pk, "adjudicate": "1"}
        self.assertAccess(
            url,
            allowed=(self.adam, self.lena),
            refused=(self.anna, self.berit, self.alice, self.cora, self.otto),
            method="post",
            data=data,
            ok=302,
        )
        self.assertEqual(InitiativeCoding.objects.get(initiative=initiative).category, b)
        adjudicated = CoderCode.objects.filter(initiative=initiative, role=CoderRole.ADJUDICATED)
        self.assertEqual(
            sorted(adjudicated.values_list("coder__username", flat=True)), ["adam", "lena"]
        )

    def test_a_plain_analyst_cannot_adjudicate(self):
        initiative, b = self._disagreement()
        url = self.base_url(f"insats/{initiative.pk}/")
        self.login(self.anna)
        page = self.client.get(url)
        self.assertContains(page, "Alla kodares koder")
        self.assertNotContains(page, 'name="adjudicate"')
        response = self.client.post(url, {"category": b.pk, "adjudicate": "1"})
        self.assertEqual(response.status_code, 403)
        self.assertNotEqual(InitiativeCoding.objects.get(initiative=initiative).category, b)
        self.assertFalse(CoderCode.objects.filter(role=CoderRole.ADJUDICATED).exists())
        self.login(self.lena)
        self.assertContains(self.client.get(url), 'name="adjudicate"')

    def test_the_flag_is_audited(self):
        self.anna.is_lead_analyst = True
        self.anna.save()
        event = AuditEvent.objects.filter(user=self.anna, kind=AuditKind.ROLE_CHANGED).get()
        self.assertEqual(event.detail, "Huvudanalytiker")
