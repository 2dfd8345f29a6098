"""services.report_status_by_pot: the status rows of the county overview, the national
completeness page and a pot's completeness page."""

import datetime

from stimulans.funds.models import Pot
from stimulans.organisations.models import County, Organisation
from stimulans.reporting import services
from stimulans.reporting.models import Reminder, ReportStatus

from .base import ReportingTestCase, make_report


def summary(rows):
    return [(r["organisation"].kind_code, r["status"], r["done"], r["late"]) for r in rows]


class ReportStatusTest(ReportingTestCase):
    def setUp(self):
        make_report(self.stockholm, self.mobila_municipality, self.alice, submit=True)
        make_report(self.botkyrka, self.mobila_municipality, self.bob)
        make_report(self.uppsala, self.mobila_municipality, self.charlie, submit=True)
        make_report(self.region_stockholm, self.youth_region, self.regina)
        self.pots = list(
            Pot.objects.filter(part__agreement=self.agreement).select_related("part__agreement")
        )
        self.today = datetime.date(2021, 4, 15)  # after the deadline of 2021-03-31

    def test_it_lists_the_expected_organisations_of_every_pot(self):
        status = services.report_status_by_pot(self.pots, today=self.today)
        self.assertEqual(
            summary(status[self.mobila_municipality.pk]),
            [
                ("municipality-0127", ReportStatus.DRAFT, False, True),
                # Submitted today, after the deadline of 2021: done, and late.
                ("municipality-0180", ReportStatus.SUBMITTED, True, True),
                ("municipality-0380", ReportStatus.SUBMITTED, True, True),
            ],
        )
        self.assertEqual(
            summary(status[self.youth_region.pk]),
            [("region-01", ReportStatus.DRAFT, False, True)],
        )
        # A pot with no allocation yet expects every organisation of its recipient kind.
        unallocated = next(
            p
            for p in self.pots
            if p.recipient_kind == "municipality" and not p.allocations.exists()
        )
        municipalities = Organisation.objects.filter(kind="municipality")
        self.assertEqual(
            [r["organisation"] for r in status[unallocated.pk]],
            list(municipalities.order_by("code")),
        )
        self.assertEqual({r["status"] for r in status[unallocated.pk]}, {None})
        # The same as the pot on its own, for every pot.
        for pot in self.pots:
            self.assertEqual(
                summary(status[pot.pk]),
                summary(services.report_status_rows(pot, today=self.today)),
                pot,
            )
            self.assertEqual(
                [r["organisation"] for r in status[pot.pk]],
                list(services.expected_organisations(pot)),
                pot,
            )

    def test_it_keeps_to_the_county(self):
        stockholm = County.objects.get(code="01")
        status = services.report_status_by_pot(self.pots, stockholm, today=self.today)
        self.assertEqual(
            [r["organisation"] for r in status[self.mobila_municipality.pk]],
            [self.botkyrka, self.stockholm],
        )
        for pot in self.pots:
            for row in status[pot.pk]:
                self.assertEqual(row["organisation"].county, stockholm)

    def test_it_gives_the_last_reminder(self):
        Reminder.objects.create(pot=self.mobila_municipality, organisation=self.botkyrka)
        last = Reminder.objects.create(pot=self.mobila_municipality, organisation=self.botkyrka)
        rows = services.report_status_rows(self.mobila_municipality, today=self.today)
        reminded = {r["organisation"]: r["last_reminder"] for r in rows}
        self.assertEqual(reminded[self.botkyrka], last)
        self.assertIsNone(reminded[self.stockholm])

    def test_its_queries_do_not_grow_with_the_number_of_pots(self):
        with self.assertNumQueries(5):
            services.report_status_by_pot(self.pots[:1], today=self.today)
        with self.assertNumQueries(5):
            services.report_status_by_pot(self.pots, today=self.today)
