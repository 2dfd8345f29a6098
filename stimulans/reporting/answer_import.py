"""Import of earlier years' answers to the questionnaire's own questions
(`stimulans import-answers FILE`), one row per answer::

    year,part,org_kind,org_code,question,value

`question` is the field name in the questionnaire of the pot (year, part, org_kind); `value` as
XLSForm stores it: a choice name, choice names separated by spaces for a select_multiple, a
whole number, text. An empty value removes the answer.

The rules of the other imports (`imports.py`, whose file reading, look-ups and report creation
this uses): CSV or XLSX, all-or-nothing with every bad row listed, reports that do not exist
are created as submitted and imported, reports made in the product are refused, and importing
the same file twice changes nothing. Answers are set one by one: the report's other answers,
its initiatives and its measures are kept, so a report's answers and initiatives may come from
two files in either order. The funds questions go to the report's columns and the measure
questions to its measures, as the report form stores them.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .imports import (
    ImportFileError,
    ImportResult,
    _chunks,
    _Lookups,
    _records,
    _reports_for,
    _unique,
    _write,
    pot_name,
    update_with_history,
)
from .models import MeasureValue, Questionnaire, Report
from .questions import IN_ANSWERS, IN_COLUMN, BadValue, Question, import_value, report_questions

ANSWER_COLUMNS = ["year", "part", "org_kind", "org_code", "question", "value"]
# The one text column among the report's questions; empty is "", not NULL.
TEXT_COLUMNS = {"funds_explanation"}


class _Questions:
    """The questions of each pot's questionnaire, read once per pot named in the file."""

    def __init__(self) -> None:
        self.by_pot: dict[int, dict[str, Question] | None] = {}

    def of(self, pot: Any) -> dict[str, Question] | None:
        if pot.pk not in self.by_pot:
            definition = (
                Questionnaire.objects.filter(pot=pot).values_list("definition", flat=True).first()
            )
            self.by_pot[pot.pk] = (
                None
                if definition is None
                else {
                    q.name: q
                    for q in report_questions(definition, [m.code for m in pot.measures.all()])
                }
            )
        return self.by_pot[pot.pk]


def parse_answers(data: bytes, filename: str = "") -> list[tuple[int, Any, Any, Question, Any]]:
    """Check an answers file. Returns [(line_no, organisation, pot, question, value to store)];
    raises ImportFileError listing every bad row."""
    records = _records(data, ANSWER_COLUMNS, filename=filename)
    look, questions = _Lookups(), _Questions()
    errors: list[str] = []
    parsed = []
    seen: dict[tuple[int, int, str], int] = {}
    for line, r in records:
        before = len(errors)
        year = look.year(r["year"], line, errors)
        org = look.organisation(r["org_kind"], r["org_code"], line, errors)
        pot = look.pot(year, r["part"], org, line, errors)
        if pot is None:
            continue
        known = questions.of(pot)
        question = None if known is None else known.get(r["question"])
        if known is None:
            errors.append(
                _("Rad %(line)d: %(pot)s har ingen enkät, så svaren kan inte tolkas.")
                % {"line": line, "pot": pot_name(pot)}
            )
        elif question is None:
            errors.append(
                _("Rad %(line)d: okänd fråga ”%(question)s” i enkäten för %(pot)s.")
                % {"line": line, "question": r["question"], "pot": pot_name(pot)}
            )
        value = None
        if question is not None:
            try:
                value = import_value(question, r["value"])
            except BadValue as exc:
                errors.append(_("Rad %(line)d: %(problem)s") % {"line": line, "problem": str(exc)})
            key = (pot.pk, org.pk, question.name)
            if key in seen:
                errors.append(
                    _(
                        "Rad %(line)d: frågan ”%(question)s” för %(org)s i %(pot)s finns redan "
                        "på rad %(first)d."
                    )
                    % {
                        "line": line,
                        "question": question.name,
                        "org": org,
                        "pot": pot_name(pot),
                        "first": seen[key],
                    }
                )
            else:
                seen[key] = line
        look.check_report(org, pot, line, errors)
        if len(errors) == before and question is not None:
            parsed.append((line, org, pot, question, value))
    if errors:
        raise ImportFileError(_unique(errors))
    return parsed


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _count(result: ImportResult, old: Any, new: Any) -> bool:
    """Count one answer's change; True when it changed."""
    if _empty(old) and _empty(new):
        result.unchanged += 1
        return False
    if _empty(old):
        result.created += 1
    elif _empty(new):
        result.deleted += 1
    elif old != new:
        result.updated += 1
    else:
        result.unchanged += 1
        return False
    return True


@transaction.atomic
def import_answers(data: bytes, user: Any = None, filename: str = "") -> ImportResult:
    """Import an answers file (CSV or XLSX bytes). All-or-nothing; see the module doc.
    The whole file is checked first, then written in bulk."""
    parsed = parse_answers(data, filename)
    result = ImportResult()
    by_report: dict[tuple[Any, Any], list[tuple[Question, Any]]] = {}
    for _line, org, pot, question, value in parsed:
        by_report.setdefault((org, pot), []).append((question, value))
    reports = _reports_for(by_report, user, result)
    measures: dict[tuple[int, str], MeasureValue] = {}
    for chunk in _chunks(r.pk for r in reports.values()):
        for m in MeasureValue.objects.filter(report_id__in=chunk):
            measures[(m.report_id, m.code)] = m
    changes = _MeasureChanges()
    saved, fields = [], {"answers", "version", "updated_at"}
    for (org, pot), items in by_report.items():
        report = reports[(org.pk, pot.pk)]
        answers = dict(report.answers or {})
        raw = dict(answers.pop("_raw", {}))
        changed = False
        for question, value in items:
            if question.store == IN_ANSWERS:
                if _count(result, answers.get(question.target), value):
                    changed = True
                    raw.pop(question.target, None)
                    if value is None:
                        answers.pop(question.target, None)
                    else:
                        answers[question.target] = value
            elif question.store == IN_COLUMN:
                if value is None and question.target in TEXT_COLUMNS:
                    value = ""
                if _count(result, getattr(report, question.target), value):
                    changed = True
                    raw.pop(question.target, None)
                    setattr(report, question.target, value)
                    fields.add(question.target)
            else:
                key = (report.pk, question.target)
                changes.set(report, measures.get(key), question.target, value, result)
        if raw:
            answers["_raw"] = raw
        if changed:
            report.answers = answers
            report.version += 1
            report.updated_at = timezone.now()
            saved.append(report)
    if saved:
        update_with_history(saved, Report, fields, user)
    changes.write(user)
    return result


class _MeasureChanges:
    """The measures an answers file creates, changes and removes, written together."""

    def __init__(self) -> None:
        self.created: list[MeasureValue] = []
        self.updated: list[MeasureValue] = []
        self.deleted: list[MeasureValue] = []

    def set(
        self,
        report: Any,
        measure: MeasureValue | None,
        code: str,
        value: int | None,
        result: ImportResult,
    ) -> None:
        if not _count(result, None if measure is None else measure.value, value):
            return
        if value is None:
            assert measure is not None
            self.deleted.append(measure)
        elif measure is None:
            self.created.append(MeasureValue(report=report, code=code, value=value))
        else:
            measure.value = value
            self.updated.append(measure)

    def write(self, user: Any) -> None:
        # Removed one by one, so that each removal's history names the user (rare).
        for measure in self.deleted:
            measure._history_user = user  # type: ignore[attr-defined]  # simple-history's hook
            measure.delete()
        _write(MeasureValue, self.created, self.updated, {"value"}, user)
