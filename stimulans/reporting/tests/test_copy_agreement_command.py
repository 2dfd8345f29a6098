import datetime
from io import StringIO

from django.core.management import CommandError, call_command

from stimulans.funds.models import Agreement, AgreementPart, Allocation, Category, Measure, Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.reporting.models import Questionnaire
from stimulans.reporting.questionnaires.loader import load_questionnaires_2020
from stimulans.test import BaseTestCase


class CopyAgreementCommandTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.source = load_agreement_2020()
        cls.source.reporting_deadline = datetime.date(2021, 3, 31)
        cls.source.save()
        load_questionnaires_2020()

    def copy(self, *args):
        out = StringIO()
        call_command("copy_agreement", *args, stdout=out)
        return out.getvalue()

    def test_it_copies_parts_pots_keys_categories_measures_and_questionnaires(self):
        out = self.copy("2020", "2021")
        new = Agreement.objects.get(year=2021)
        self.assertIn("Överenskommelsen 2021 är skapad från 2020", out)
        self.assertIn("2021", new.title)
        self.assertEqual(new.total_sek, self.source.total_sek)
        self.assertEqual(new.reporting_deadline, datetime.date(2022, 3, 31))
        self.assertEqual(
            list(new.parts.values_list("slug", "title")),
            list(self.source.parts.values_list("slug", "title")),
        )
        old_pots = Pot.objects.filter(part__agreement=self.source)
        new_pots = Pot.objects.filter(part__agreement=new)
        self.assertEqual(
            sorted(new_pots.values_list("part__slug", "recipient_kind", "amount_sek", "key__slug")),
            sorted(old_pots.values_list("part__slug", "recipient_kind", "amount_sek", "key__slug")),
        )
        self.assertEqual(
            set(new.keys.values_list("population_year", flat=True)),
            {y + 1 for y in self.source.keys.values_list("population_year", flat=True)},
        )
        self.assertEqual(
            Category.objects.filter(pot__part__agreement=new).count(),
            Category.objects.filter(pot__part__agreement=self.source).count(),
        )
        # Every copied category and part points at the one it was copied from.
        for category in Category.objects.filter(pot__part__agreement=new):
            (old,) = category.predecessors.all()
            self.assertEqual((old.slug, old.pot.part.agreement.year), (category.slug, 2020))
        for part in new.parts.all():
            self.assertEqual(part.predecessor.slug, part.slug)
            self.assertEqual(part.predecessor.agreement, self.source)
        self.assertEqual(
            sorted(Measure.objects.filter(agreement=new).values_list("code", "pots__part__slug")),
            sorted(
                Measure.objects.filter(agreement=self.source).values_list(
                    "code", "pots__part__slug"
                )
            ),
        )
        copied = Questionnaire.objects.filter(pot__part__agreement=new)
        self.assertEqual(
            copied.count(), Questionnaire.objects.filter(pot__part__agreement=self.source).count()
        )
        self.assertGreater(copied.count(), 0)
        one = copied.select_related("pot__part").first()
        old = Questionnaire.objects.get(
            pot__part__agreement=self.source,
            pot__part__slug=one.pot.part.slug,
            pot__recipient_kind=one.pot.recipient_kind,
        )
        self.assertEqual(one.definition, old.definition)
        self.assertEqual(bytes(one.xlsform), bytes(old.xlsform))
        self.assertFalse(Allocation.objects.filter(pot__part__agreement=new).exists())
        # The source is unchanged.
        self.assertEqual(
            AgreementPart.objects.filter(agreement=self.source).count(), new.parts.count()
        )

    def test_it_refuses_an_existing_target_and_changes_nothing(self):
        self.copy("2020", "2021")
        before = Pot.objects.count()
        with self.assertRaises(CommandError) as caught:
            self.copy("2020", "2021")
        self.assertEqual(caught.exception.returncode, 2)
        self.assertIn("Det finns redan en överenskommelse för 2021", str(caught.exception))
        self.assertEqual(Pot.objects.count(), before)

    def test_it_refuses_an_unknown_year(self):
        with self.assertRaises(CommandError) as caught:
            self.copy("2019", "2021")
        self.assertEqual(caught.exception.returncode, 2)
        self.assertIn("Det finns ingen överenskommelse för 2019", str(caught.exception))
        self.assertFalse(Agreement.objects.filter(year=2021).exists())

    def test_it_refuses_what_is_not_a_year(self):
        for args in (("2020", "20²1"), ("x", "2021"), ("2020", "2020")):
            with self.assertRaises(CommandError) as caught:
                self.copy(*args)
            self.assertEqual(caught.exception.returncode, 2)
        self.assertEqual(Agreement.objects.count(), 1)
