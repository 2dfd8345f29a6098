"""The workbench key copied onto the initiatives (`models.WORKBENCH_KEY`) for the workbench's
index: filled on every write path and following its sources."""

from importlib import import_module

from django.apps import apps

from stimulans.funds.models import AgreementPart, Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.reporting.imports import import_initiatives
from stimulans.reporting.models import Initiative, Report
from stimulans.test import BaseTestCase

from .test_import_initiatives import GOOD


def key(initiative):
    initiative.refresh_from_db()
    return (initiative.part_id, initiative.organisation_kind, initiative.organisation_code)


def expected(initiative):
    report = initiative.report
    return (report.pot.part_id, report.organisation.kind, report.organisation.code)


class WorkbenchKeyTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()
        cls.pot = Pot.objects.get(
            part__agreement=cls.agreement, part__slug="suicidprevention", recipient_kind="county"
        )
        cls.report = Report.objects.create(organisation=cls.county_stockholm, pot=cls.pot)

    def test_save_fills_it(self):
        initiative = Initiative.objects.create(report=self.report, identifier="a")
        self.assertEqual(key(initiative), (self.pot.part_id, "county", "01"))
        initiative.title = "Ändrad"
        initiative.save()
        self.assertEqual(key(initiative), (self.pot.part_id, "county", "01"))

    def test_bulk_create_fills_it(self):
        other = Report.objects.create(organisation=self.county_uppsala, pot=self.pot)
        a, b = Initiative.objects.bulk_create(
            [
                Initiative(report=self.report, identifier="a"),
                Initiative(report=other, identifier="b"),
            ]
        )
        self.assertEqual(key(a), (self.pot.part_id, "county", "01"))
        self.assertEqual(key(b), (self.pot.part_id, "county", "03"))

    def test_the_import_fills_it(self):
        import_initiatives(GOOD.encode("utf-8"))
        initiatives = Initiative.objects.select_related("report__pot", "report__organisation")
        self.assertEqual(len(initiatives), 4)
        for initiative in initiatives:
            self.assertEqual(key(initiative), expected(initiative), initiative.identifier)
            self.assertIsNotNone(initiative.part_id)

    def test_it_follows_the_organisation_and_the_pot(self):
        initiative = Initiative.objects.create(report=self.report, identifier="a")
        self.county_stockholm.code = "99"
        self.county_stockholm.save()
        self.assertEqual(key(initiative), (self.pot.part_id, "county", "99"))
        part = AgreementPart.objects.create(agreement=self.agreement, slug="ny", title="Ny")
        self.pot.part = part
        self.pot.save()
        self.assertEqual(key(initiative), (part.pk, "county", "99"))

    def test_the_migration_fills_existing_rows(self):
        initiative = Initiative.objects.create(report=self.report, identifier="a")
        Initiative.objects.update(part=None, organisation_kind=None, organisation_code=None)
        migration = import_module("stimulans.reporting.migrations.0010_initiative_workbench_key")
        migration.fill_workbench_key(apps, None)
        self.assertEqual(key(initiative), (self.pot.part_id, "county", "01"))
