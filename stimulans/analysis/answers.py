"""The answers to a pot's own questions (the questionnaire's core and module, not the
initiatives): per pot (recipient kind) the reporting actors and, per select_one,
select_multiple and integer question, how many answered, how many organisations chose each
choice (every choice, also those nobody chose) and the sum of the integers; per decimal
question the sum and the mean, per date question the earliest and latest date; the free-text
answers listed per question with the organisation. This is what the status report's
participation figure, "17 regions say the pandemic affected their work" and the support needs
annex are made of.

Counted reports only (`Report.objects.counted()`). An answer counts when the question takes it:
a choice still in the list, a whole number, a decimal number (a comma or a point), a date
ÅÅÅÅ-MM-DD; other stored values are left out. A fixed number of
queries for any number of parts (pots, questionnaires, reports, measures)."""

import datetime
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from django.utils.translation import gettext as _

from stimulans.funds import years
from stimulans.funds.models import AgreementPart, Pot
from stimulans.lib.numbers import decimal
from stimulans.reporting.models import COUNTED, MeasureValue, Questionnaire, Report
from stimulans.reporting.questions import (
    COUNTED_TYPES,
    DATE,
    DECIMAL,
    IN_MEASURE,
    INTEGER,
    SELECT_ONE,
    TEXT,
    Question,
    integer_value,
    picked_choices,
    report_questions,
    stored_value,
    text_value,
)
from stimulans.reporting.xlsform import REPORT_FIELDS

from .lookups import county_filter
from .permissions import is_published

# The question types with figures: counted choices, sums, means and date ranges.
FIGURE_TYPES = (*COUNTED_TYPES, DECIMAL, DATE)
MEAN_PLACES = Decimal("0.01")  # a decimal question's mean, rounded to two decimals


class ChoiceCount(NamedTuple):
    choice: str
    label: str
    actors: int


@dataclass
class QuestionFigures:
    """One select_one, select_multiple or integer question of a pot."""

    question: str
    type: str
    label: str
    answered: int = 0
    # Per choice in the questionnaire's order (None for an integer question).
    choices: list[ChoiceCount] | None = None
    # The sum of the answers (None for a select question).
    sum: int | None = None
    # A decimal question: the sum and the mean (rounded to two decimals) of the answers.
    decimal_sum: Decimal | None = None
    mean: Decimal | None = None
    # A date question: the earliest and the latest date answered (ÅÅÅÅ-MM-DD).
    earliest: str | None = None
    latest: str | None = None


class TextAnswer(NamedTuple):
    organisation: str
    organisation_code: str
    county: str
    text: str


@dataclass
class TextQuestion:
    """The free-text answers to one question, by organisation code; `total` counts them all
    when the list is cut short (`text_limit`)."""

    question: str
    label: str
    answers: list[TextAnswer] = field(default_factory=list)
    total: int = 0


@dataclass
class PotAnswers:
    pot_id: int
    org_kind: str
    org_kind_label: str
    reporting_actors: int
    questions: list[QuestionFigures]
    texts: list[TextQuestion]


@dataclass
class PartAnswers:
    year: int
    part: str
    title: str
    county: str | list[str] | None
    pots: list[PotAnswers]


class _ReportRow(NamedTuple):
    pk: int
    pot_id: int
    answers: dict[str, Any]
    columns: dict[str, Any]
    organisation: str
    organisation_code: str
    county: str


def _tally(
    questions: list[Question],
    rows: list[_ReportRow],
    measures: dict[int, dict[str, int]],
    visible: Collection[str] | None,
    text_limit: int | None,
) -> tuple[list[QuestionFigures], list[TextQuestion]]:
    figures, texts = [], []
    for question in questions:
        if question.type in FIGURE_TYPES:
            figures.append(_count(question, rows, measures))
        elif question.type == TEXT and text_limit != 0:
            texts.append(_texts(question, rows, visible, text_limit))
    return figures, texts


def _count(
    question: Question, rows: list[_ReportRow], measures: dict[int, dict[str, int]]
) -> QuestionFigures:
    result = QuestionFigures(question.name, question.type, question.label)
    if question.type in (DECIMAL, DATE):
        return _measure(result, question, rows)
    if question.type == INTEGER:
        total = 0
        for row in rows:
            number = integer_value(
                stored_value(question, row.answers, row.columns, measures.get(row.pk, {}))
            )
            if number is not None:
                result.answered += 1
                total += number
        result.sum = total
        return result
    chosen: dict[str, int] = dict.fromkeys(question.choice_names, 0)
    for row in rows:
        value = row.answers.get(question.target)
        if value is None or value == "":
            continue
        if question.type == SELECT_ONE:
            name = value if isinstance(value, str) else str(value)
            if name in chosen:
                result.answered += 1
                chosen[name] += 1
            continue
        picked = picked_choices(question, value)
        if picked:
            result.answered += 1
            for name in picked:
                chosen[name] += 1
    result.choices = [ChoiceCount(name, label, chosen[name]) for name, label in question.choices]
    return result


def decimal_value(value: Any) -> Decimal | None:
    """A stored decimal answer ('12,5', '12.5', a number); None when empty or not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value).strip().replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def date_value(value: Any) -> datetime.date | None:
    """A stored date answer (ÅÅÅÅ-MM-DD); None when empty or not a date."""
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _measure(
    result: QuestionFigures, question: Question, rows: list[_ReportRow]
) -> QuestionFigures:
    """A decimal question's sum and mean, a date question's earliest and latest date."""
    if question.type == DECIMAL:
        numbers = [
            n
            for row in rows
            if (n := decimal_value(stored_value(question, row.answers, row.columns, {})))
            is not None
        ]
        result.answered = len(numbers)
        result.decimal_sum = sum(numbers, Decimal(0))
        if numbers:
            result.mean = (result.decimal_sum / len(numbers)).quantize(MEAN_PLACES)
        return result
    dates = sorted(
        d
        for row in rows
        if (d := date_value(stored_value(question, row.answers, row.columns, {}))) is not None
    )
    result.answered = len(dates)
    if dates:
        result.earliest, result.latest = dates[0].isoformat(), dates[-1].isoformat()
    return result


def _figures_data(q: QuestionFigures) -> dict[str, Any]:
    """One question in the public shape; a decimal question adds `decimal_sum` and `mean`
    (exact decimals as text, a point), a date question `earliest` and `latest`."""
    data: dict[str, Any] = {
        "question": q.question,
        "type": q.type,
        "answered": q.answered,
        "choices": None
        if q.choices is None
        else [{"choice": c.choice, "actors": c.actors} for c in q.choices],
        "sum": q.sum,
    }
    if q.type == DECIMAL:
        data["decimal_sum"] = None if q.decimal_sum is None else str(q.decimal_sum)
        data["mean"] = None if q.mean is None else str(q.mean)
    elif q.type == DATE:
        data["earliest"], data["latest"] = q.earliest, q.latest
    return data


def _texts(
    question: Question,
    rows: list[_ReportRow],
    visible: Collection[str] | None,
    text_limit: int | None,
) -> TextQuestion:
    result = TextQuestion(question.name, question.label)
    for row in rows:
        if visible is not None and row.county not in visible:
            continue
        text = text_value(stored_value(question, row.answers, row.columns, {}))
        if text:
            result.total += 1
            if text_limit is None or len(result.answers) < text_limit:
                result.answers.append(
                    TextAnswer(row.organisation, row.organisation_code, row.county, text)
                )
    return result


def aggregate_answers(
    parts: Iterable[AgreementPart],
    county: str | list[str] | None = None,
    visible: Collection[str] | None = None,
    text_limit: int | None = None,
) -> dict[int, PartAnswers]:
    """The answers of several parts: {part.pk: PartAnswers}, pots in the part's order.

    `county`: one county code, several, or None (the whole country) for every figure.
    `visible`: county codes whose organisations' free texts may be listed (None: all; see
    analysis.permissions). `text_limit`: at most this many free texts per question (0: no
    free texts at all, for figures only)."""
    parts = list(parts)
    part_ids = [p.pk for p in parts]
    pots = list(
        Pot.objects.filter(part__in=part_ids)
        .prefetch_related("measures")
        .order_by("part__order", "pk")
    )
    definitions = dict(
        Questionnaire.objects.filter(pot__in=[p.pk for p in pots]).values_list(
            "pot_id", "definition"
        )
    )
    questions = {
        pot.pk: report_questions(
            definitions.get(pot.pk) or {"children": []}, [m.code for m in pot.measures.all()]
        )
        for pot in pots
    }
    counted = Report.objects.counted().filter(
        county_filter(county, "organisation__county__code"), pot__part__in=part_ids
    )
    rows: dict[int, list[_ReportRow]] = defaultdict(list)
    for pk, pot_id, answers, *columns, name, code, county_code in counted.order_by(
        "organisation__code", "pk"
    ).values_list(
        "pk",
        "pot_id",
        "answers",
        *REPORT_FIELDS,
        "organisation__name",
        "organisation__code",
        "organisation__county__code",
    ):
        rows[pot_id].append(
            _ReportRow(
                pk,
                pot_id,
                answers if isinstance(answers, dict) else {},
                dict(zip(REPORT_FIELDS, columns, strict=True)),
                name,
                code,
                county_code,
            )
        )
    measures: dict[int, dict[str, int]] = defaultdict(dict)
    if any(q.store == IN_MEASURE for qs in questions.values() for q in qs):
        for report_id, code, value in MeasureValue.objects.filter(
            county_filter(county), report__status__in=COUNTED, report__pot__part__in=part_ids
        ).values_list("report_id", "code", "value"):
            measures[report_id][code] = value

    by_part: dict[int, list[PotAnswers]] = defaultdict(list)
    for pot in pots:
        figures, texts = _tally(questions[pot.pk], rows[pot.pk], measures, visible, text_limit)
        by_part[pot.part_id].append(
            PotAnswers(
                pot_id=pot.pk,
                org_kind=pot.recipient_kind,
                org_kind_label=str(pot.get_recipient_kind_display()),
                reporting_actors=len(rows[pot.pk]),
                questions=figures,
                texts=texts,
            )
        )
    return {
        part.pk: PartAnswers(
            year=part.agreement.year,
            part=part.slug,
            title=part.title,
            county=county,
            pots=by_part[part.pk],
        )
        for part in parts
    }


def part_answers(part: AgreementPart, county: str | None = None, **kwargs: Any) -> PartAnswers:
    return aggregate_answers([part], county, **kwargs)[part.pk]


def answers_data(result: PartAnswers) -> dict[str, Any]:
    """The public shape (CLI, JSON, the publication's snapshot): plain JSON, deterministic."""
    return {
        "year": result.year,
        "part": result.part,
        "pots": [
            {
                "org_kind": pot.org_kind,
                "reporting_actors": pot.reporting_actors,
                "questions": [_figures_data(q) for q in pot.questions],
            }
            for pot in result.pots
        ],
    }


def answers_json(part: AgreementPart, county: str | None = None) -> dict[str, Any]:
    """`stimulans analyse-answers`: the answers of one part as JSON data."""
    return answers_data(part_answers(part, county, text_limit=0))


def previous_part(part: AgreementPart) -> AgreementPart | None:
    """The part this one continues in an earlier agreement (`funds.years.previous_part`)."""
    return years.previous_part(part)


class Row(NamedTuple):
    """One line of a comparison table: this year's figure, last year's (None where last year
    had no such question, choice or pot) and, for a choice, the share of those who answered."""

    label: str
    value: int | None
    previous: int | None = None
    share: float | None = None
    # A decimal or a date, in Swedish form, where the row is no whole number (`value` None).
    shown: str | None = None
    previous_shown: str | None = None

    @property
    def change(self) -> int | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


def _shown(value: Any) -> str | None:
    return None if value is None else decimal(value)


def _measure_rows(q: QuestionFigures, before: QuestionFigures | None) -> list[Row]:
    """A decimal question's sum and mean, a date question's earliest and latest date, beside
    the previous year's (shown as text: no change is computed)."""
    same = before if before is not None and before.type == q.type else None
    if q.type == DECIMAL:
        pairs = [
            (_("Summa"), q.decimal_sum, same.decimal_sum if same else None),
            (_("Medelvärde"), q.mean, same.mean if same else None),
        ]
        return [Row(label, None, None, None, _shown(a), _shown(b)) for label, a, b in pairs]
    return [
        Row(
            _("Tidigast"), None, None, None, q.earliest or "\u2013", same.earliest if same else None
        ),
        Row(_("Senast"), None, None, None, q.latest or "\u2013", same.latest if same else None),
    ]


@dataclass
class QuestionComparison:
    figures: QuestionFigures
    rows: list[Row]
    # A new series: the question is new, its type or choices changed without a recorded
    # crosswalk, or the crosswalk says so; then last year's column is empty.
    new_series: bool = False
    # Last year's question it continues under another name (the crosswalk), else None.
    continues: str | None = None


@dataclass
class PotComparison:
    pot: PotAnswers
    reporting: Row
    questions: list[QuestionComparison]


@dataclass
class AnswersComparison:
    """This year's answers beside the previous year's (`previous` None when there is none)."""

    current: PartAnswers
    previous: PartAnswers | None
    pots: list[PotComparison]


def _question_rows(q: QuestionFigures, before: QuestionFigures | None) -> list[Row]:
    answered = Row(_("Har svarat"), q.answered, before.answered if before else None)
    if q.type in (DECIMAL, DATE):
        return [answered, *_measure_rows(q, before)]
    if q.choices is None:
        previous_sum = before.sum if before is not None and before.choices is None else None
        return [answered, Row(_("Summa"), q.sum or 0, previous_sum)]
    earlier = {c.choice: c.actors for c in (before.choices or [])} if before else {}
    rows = [
        Row(c.label, c.actors, earlier.get(c.choice), c.actors / q.answered if q.answered else None)
        for c in q.choices
    ]
    return [*rows, answered]


def same_shape(q: QuestionFigures, before: QuestionFigures) -> bool:
    """The same type and, for a select question, the same choice names."""
    if q.type != before.type:
        return False
    names = [c.choice for c in q.choices] if q.choices is not None else None
    earlier = [c.choice for c in before.choices] if before.choices is not None else None
    return names is None and earlier is None or set(names or []) == set(earlier or [])


def question_crosswalks(pot_ids: Collection[int]) -> dict[int, dict[str, str]]:
    """{pot id: its questionnaire's crosswalk to last year's questions}."""
    return dict(Questionnaire.objects.filter(pot_id__in=pot_ids).values_list("pot_id", "crosswalk"))


def _question_comparison(
    q: QuestionFigures, questions: dict[str, QuestionFigures], crosswalk: dict[str, str]
) -> QuestionComparison:
    if q.question in crosswalk:
        name = crosswalk[q.question] or None
        before = questions.get(name) if name else None
        return QuestionComparison(
            q,
            _question_rows(q, before),
            new_series=before is None,
            continues=name if before is not None and name != q.question else None,
        )
    before = questions.get(q.question)
    if before is not None and not same_shape(q, before):
        before = None
    return QuestionComparison(
        q, _question_rows(q, before), new_series=bool(questions) and before is None
    )


def compare_answers(
    current: PartAnswers,
    previous: PartAnswers | None,
    crosswalks: dict[int, dict[str, str]] | None = None,
) -> AnswersComparison:
    """Pots matched by recipient kind, questions by the questionnaire's crosswalk or else by
    field name while type and choices stay the same (otherwise a new series), choices by
    name."""
    earlier = {p.org_kind: p for p in previous.pots} if previous else {}
    if crosswalks is None:
        crosswalks = question_crosswalks([p.pot_id for p in current.pots]) if previous else {}
    pots = []
    for pot in current.pots:
        before = earlier.get(pot.org_kind)
        questions = {q.question: q for q in before.questions} if before else {}
        crosswalk = crosswalks.get(pot.pot_id) or {}
        pots.append(
            PotComparison(
                pot=pot,
                reporting=Row(
                    _("Har redovisat"),
                    pot.reporting_actors,
                    before.reporting_actors if before else None,
                ),
                questions=[_question_comparison(q, questions, crosswalk) for q in pot.questions],
            )
        )
    return AnswersComparison(current, previous, pots)


def year_answers(
    agreement: Any,
    parts: list[AgreementPart],
    county: str | None = None,
    visible: Collection[str] | None = None,
    text_limit: int | None = None,
    previous: bool | None = None,
) -> dict[int, AnswersComparison]:
    """The answers of a year's parts beside the previous year's, {part.pk: comparison}, for the
    status report. The previous year is included when `previous` is True (the caller checked
    that the reader may read it) or, with None, when that year is published."""
    current = aggregate_answers(parts, county, visible=visible, text_limit=text_limit)
    earlier: dict[str, PartAnswers] = {}
    before = (
        AgreementPart.objects.filter(
            agreement__year=agreement.year - 1, slug__in=[p.slug for p in parts]
        )
        .select_related("agreement")
        .order_by("order", "pk")
    )
    if previous is not False:
        before_parts = list(before)
        if before_parts and (previous or is_published(before_parts[0].agreement)):
            earlier = {
                a.part: a for a in aggregate_answers(before_parts, county, text_limit=0).values()
            }
    return {p.pk: compare_answers(current[p.pk], earlier.get(p.slug)) for p in parts}
