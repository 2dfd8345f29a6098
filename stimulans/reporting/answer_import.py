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
from django.utils.translation import gettext as _

from .imports import (
    ImportFileError,
    ImportResult,
    _Lookups,
    _records,
    _report_for,
    _unique,
    pot_name,
)
from .models import MeasureValue, Questionnaire
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
    """Import an answers file (CSV or XLSX bytes). All-or-nothing; see the module doc."""
    parsed = parse_answers(data, filename)
    result = ImportResult()
    by_report: dict[tuple[Any, Any], list[tuple[Question, Any]]] = {}
    for _line, org, pot, question, value in parsed:
        by_report.setdefault((org, pot), []).append((question, value))
    for (org, pot), items in by_report.items():
        report = _report_for(org, pot, user, result)
        answers = dict(report.answers or {})
        raw = dict(answers.pop("_raw", {}))
        measures = {m.code: m for m in report.measures.all()}
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
            else:
                _set_measure(report, measures, question.target, value, user, result)
        if raw:
            answers["_raw"] = raw
        if changed:
            report.answers = answers
            report.version += 1
            report._history_user = user
            report.save()
    return result


def _set_measure(
    report: Any,
    measures: dict[str, MeasureValue],
    code: str,
    value: int | None,
    user: Any,
    result: ImportResult,
) -> None:
    measure = measures.get(code)
    if not _count(result, None if measure is None else measure.value, value):
        return
    if value is None:
        assert measure is not None
        measure._history_user = user  # type: ignore[attr-defined]  # simple-history's hook
        measure.delete()
    elif measure is None:
        measure = MeasureValue(report=report, code=code, value=value)
        measure._history_user = user  # type: ignore[attr-defined]
        measure.save()
    else:
        measure.value = value
        measure._history_user = user  # type: ignore[attr-defined]
        measure.save()
