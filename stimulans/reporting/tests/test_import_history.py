"""The history rows the imports write are exactly those simple_history's own helpers
(`bulk_history_create`, as `bulk_create_with_history` / `bulk_update_with_history` call it)
write for the same objects: every tracked field, the type, the user and the change reason.
Only the ids and dates of the history rows may differ (the date lies within the import)."""

from pathlib import Path

from django.db import transaction
from django.utils import timezone

from stimulans.reporting.answer_import import import_answers
from stimulans.reporting.imports import INITIATIVE_COLUMNS, import_initiatives, import_measures
from stimulans.reporting.models import Initiative, MeasureValue, Report

from .test_import_answers import ChildYouthPotTestCase
from .test_import_initiatives import GOOD as INITIATIVES

HEADER = ",".join(INITIATIVE_COLUMNS)
CORRECTED = f"""{HEADER}
2020,barn-unga,region,01,A1,verksamhetsutveckling,Utbildning,Bättre vård,10 kurser,\
Kortare väntan,organisation,false,1300000,implemented,
2020,barn-unga,region,01,A3,kunskap-kompetens,Ny,,,,,,,,
2020,god-vard,municipality,0180,S1,patientsakerhet,Nya rutiner,,,,,,500000,,true
2020,barn-unga,region,03,U1,,Nätverk,,,,,,,,
"""
MEASURES = """year,org_kind,org_code,measure,value
2020,region,01,bup.first_assessment.children,1200
2020,region,01,bup.first_assessment.within_30_days,900
2020,region,03,first_line.children_seen,"2 500"
"""
MEASURES_CHANGED = MEASURES.replace(",1200", ",1300").replace('"2 500"', "2600")
ANSWERS = (Path(__file__).resolve().parent / "fixtures" / "answers-2020.csv").read_bytes()


def history_rows(model, history_type):
    """The history rows of `model` of that type, every column but the id and date."""
    history = model.history.model
    names = [
        f.attname
        for f in history._meta.concrete_fields
        if f.attname not in ("history_id", "history_date")
    ]
    return list(
        history.objects.filter(history_type=history_type)
        .order_by("id", "history_id")
        .values_list(*names)
    )


def simple_history_rows(model, objs, history_type, user):
    """The rows of `history_type` as simple_history's helpers write them for `objs` (with the
    defaults `bulk_create_with_history` / `bulk_update_with_history` pass), in place of the
    import's; rolled back."""
    with transaction.atomic():
        savepoint = transaction.savepoint()
        model.history.filter(history_type=history_type).delete()
        model.history.bulk_history_create(
            objs, update=history_type == "~", default_user=user, default_change_reason=None
        )
        rows = history_rows(model, history_type)
        transaction.savepoint_rollback(savepoint)
    return rows


class ImportHistoryTest(ChildYouthPotTestCase):
    def assertSameHistory(self, model, objs, history_type, user):
        rows = history_rows(model, history_type)
        self.assertEqual(len(rows), len(objs))
        self.assertEqual(rows, simple_history_rows(model, objs, history_type, user))

    def assertDatesWithin(self, model, start):
        end = timezone.now()
        for date in model.history.values_list("history_date", flat=True):
            self.assertTrue(start <= date <= end, (start, date, end))

    def test_initiatives_created_and_updated(self):
        start = timezone.now()
        import_initiatives(INITIATIVES.encode(), user=self.adam)
        self.assertSameHistory(Initiative, list(Initiative.objects.all()), "+", self.adam)
        self.assertSameHistory(Report, list(Report.objects.all()), "+", self.adam)
        self.assertDatesWithin(Initiative, start)
        self.assertDatesWithin(Report, start)

        result = import_initiatives(CORRECTED.encode(), user=self.alice)
        self.assertEqual((result.created, result.updated, result.deleted), (1, 2, 1))
        updated = list(Initiative.objects.filter(identifier__in=["A1", "S1"]))
        self.assertSameHistory(Initiative, updated, "~", self.alice)
        a3 = Initiative.objects.get(identifier="A3")
        rows = history_rows(Initiative, "+")
        self.assertEqual(rows[-1], simple_history_rows(Initiative, [a3], "+", self.alice)[0])
        self.assertDatesWithin(Initiative, start)

    def test_without_a_user(self):
        import_initiatives(INITIATIVES.encode())
        self.assertSameHistory(Initiative, list(Initiative.objects.all()), "+", None)
        self.assertIsNone(Initiative.history.first().history_user_id)

    def test_measures_created_and_updated(self):
        start = timezone.now()
        import_measures(MEASURES.encode(), user=self.adam)
        self.assertSameHistory(MeasureValue, list(MeasureValue.objects.all()), "+", self.adam)
        self.assertSameHistory(Report, list(Report.objects.all()), "+", self.adam)
        import_measures(MEASURES_CHANGED.encode(), user=self.cora)
        changed = list(MeasureValue.objects.exclude(code__endswith="within_30_days"))
        self.assertSameHistory(MeasureValue, changed, "~", self.cora)
        self.assertDatesWithin(MeasureValue, start)

    def test_answers_update_reports(self):
        start = timezone.now()
        result = import_answers(ANSWERS, user=self.adam)
        self.assertTrue(result.created)
        # The reports are created (their "+" rows hold them empty) and then answered.
        self.assertEqual(len(history_rows(Report, "+")), Report.objects.count())
        self.assertSameHistory(Report, list(Report.objects.all()), "~", self.adam)
        self.assertSameHistory(MeasureValue, list(MeasureValue.objects.all()), "+", self.adam)
        self.assertDatesWithin(Report, start)
