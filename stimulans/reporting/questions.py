"""The questions of a questionnaire whose answers belong to the report itself (the core and the
part's module, not the `initiatives` repeat), where each answer is stored, and its value read
back as the analysis counts it or written from an import. Pure functions, no database.

Answers are stored the way the report form writes them (`services.drafts.save_draft`): in
`Report.answers` as text, a select_multiple as a list of choice names; the funds questions in
the report's columns; the measure questions as `MeasureValue` rows."""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from stimulans.lib.numbers import parse_int

from . import xlsform

# XLSForm's type names, as the analysis and the JSON name them.
SELECT_ONE = "select_one"
SELECT_MULTIPLE = "select_multiple"
INTEGER = "integer"
DECIMAL = "decimal"
DATE = "date"
TEXT = "text"
TYPES = {
    "select one": SELECT_ONE,
    "select all that apply": SELECT_MULTIPLE,
    "integer": INTEGER,
    "decimal": DECIMAL,
    "date": DATE,
    "text": TEXT,
}
COUNTED_TYPES = (SELECT_ONE, SELECT_MULTIPLE, INTEGER)

# Where an answer is stored.
IN_ANSWERS = "answers"
IN_COLUMN = "column"
IN_MEASURE = "measure"


@dataclass(frozen=True)
class Question:
    """One question of the report: `name` is its XLSForm field name; `target` the key in
    Report.answers, the Report column or the measure code, after `store`."""

    name: str
    type: str
    label: str
    choices: tuple[tuple[str, str], ...]
    store: str
    target: str
    choice_names: tuple[str, ...] = ()


def report_questions(definition: dict[str, Any], measure_codes: list[str]) -> list[Question]:
    """The questions of the report outside any repeat, in the questionnaire's order (notes,
    groups and repeats left out). `measure_codes`: the codes of the pot's measures."""
    measures = {xlsform.measure_field_name(code): code for code in measure_codes}
    out = []
    for node, _ancestors, repeat in xlsform.walk_fields(definition):
        kind = TYPES.get(node.get("type", ""))
        if repeat is not None or kind is None:
            continue
        name = node["name"]
        if name in xlsform.REPORT_FIELDS:
            store, target = IN_COLUMN, name
        elif name in measures:
            store, target = IN_MEASURE, measures[name]
        else:
            store, target = IN_ANSWERS, name
        choices = tuple(xlsform.choices(node))
        out.append(
            Question(
                name=name,
                type=kind,
                label=xlsform.label(node),
                choices=choices,
                store=store,
                target=target,
                choice_names=tuple(c for c, _label in choices),
            )
        )
    return out


def stored_value(
    question: Question, answers: dict[str, Any], columns: dict[str, Any], measures: dict[str, int]
) -> Any:
    """The stored answer of one report: from its answers, its columns or its measures."""
    if question.store == IN_COLUMN:
        return columns.get(question.target)
    if question.store == IN_MEASURE:
        return measures.get(question.target)
    return answers.get(question.target)


def picked_choices(question: Question, value: Any) -> list[str]:
    """The choices of the question an answer picked, in the questionnaire's order (names that
    are no longer in the list are left out)."""
    if value is None or value == "":
        return []
    if question.type == SELECT_ONE:
        picked = {str(value)}
    elif isinstance(value, list | tuple):
        picked = {str(v) for v in value}
    else:
        picked = set(str(value).split())
    return [name for name in question.choice_names if name in picked]


def integer_value(value: Any) -> int | None:
    """A stored integer answer as an int; None when empty or not a whole number."""
    try:
        return parse_int(value)
    except (TypeError, ValueError):
        return None


def text_value(value: Any) -> str:
    return "" if value is None else str(value).strip()


class BadValue(ValueError):
    """An import value the question does not take; the message says why, in Swedish."""


def import_value(question: Question, raw: str) -> Any:
    """The value to store for `raw` as XLSForm writes it (choice names, separated by spaces
    for a select_multiple; whole numbers; text); None for empty. Raises BadValue."""
    raw = raw.strip()
    if raw == "":
        return None
    if question.type in (SELECT_ONE, SELECT_MULTIPLE):
        names = raw.split() if question.type == SELECT_MULTIPLE else [raw]
        unknown = [n for n in names if n not in question.choice_names]
        if unknown:
            raise BadValue(
                _("”%(value)s” finns inte bland alternativen till ”%(question)s”: %(allowed)s.")
                % {
                    "value": " ".join(unknown),
                    "question": question.name,
                    "allowed": ", ".join(question.choice_names),
                }
            )
        if question.type == SELECT_ONE:
            return raw
        return list(dict.fromkeys(names))
    if question.type == INTEGER:
        number = integer_value(raw)
        if number is None:
            raise BadValue(
                _("”%(value)s” är inte ett heltal (frågan ”%(question)s”).")
                % {"value": raw, "question": question.name}
            )
        return number if question.store != IN_ANSWERS else str(number)
    if question.type == DECIMAL:
        try:
            Decimal(raw.replace(",", ".").replace(" ", ""))
        except InvalidOperation as exc:
            raise BadValue(
                _("”%(value)s” är inte ett tal (frågan ”%(question)s”).")
                % {"value": raw, "question": question.name}
            ) from exc
        return raw
    if question.type == DATE:
        try:
            datetime.date.fromisoformat(raw)
        except ValueError as exc:
            raise BadValue(
                _("”%(value)s” är inte ett datum ÅÅÅÅ-MM-DD (frågan ”%(question)s”).")
                % {"value": raw, "question": question.name}
            ) from exc
        return raw
    return raw
