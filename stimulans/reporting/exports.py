"""Exports of a pot's reports: answers (one row per report), initiatives (one row per
initiative) and measures (one row per number), as an Excel workbook with one sheet each or as
one CSV file each. Plain functions, no HTTP; `views.exports` checks who may download what.

The initiatives and measures tables begin with the columns of the import formats
(`imports.INITIATIVE_COLUMNS`, `imports.MEASURE_COLUMNS`), so an export can be imported again;
the extra columns (names, title, how an effect was measured) are ignored by the import.
"""

import io
import json
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from stimulans.lib import cells
from stimulans.lib.text import value_text

from .imports import INITIATIVE_COLUMNS, MEASURE_COLUMNS
from .models import Questionnaire, Report
from .questions import DECIMAL, INTEGER, report_questions
from .services.plan_activities import activity_label

SHEETS = ("answers", "initiatives", "measures")
# Sheet titles in the workbook (Swedish, as users see them).
SHEET_TITLES = {"answers": "Svar", "initiatives": "Insatser", "measures": "Mått"}
ORG_COLUMNS = ["org_kind", "org_code", "organisation", "county_code"]
REPORT_COLUMNS = [
    "status",
    "imported",
    "submitted_at",
    "approved_at",
    "version",
    "funds_received_sek",
    "funds_used_sek",
    "funds_carried_over_sek",
    "funds_explanation",
]


def reports_of_pot(pot, queryset=None):
    """The pot's reports (optionally narrowed by `queryset`), with what the tables need."""
    queryset = Report.objects.all() if queryset is None else queryset
    return (
        queryset.filter(pot=pot)
        .select_related("organisation__county", "pot__part__agreement")
        .prefetch_related(
            "initiatives__category",
            "initiatives__plan_activity__plan",
            "initiatives__plan_activity__area__parent__parent",
            "measures",
        )
        .order_by("organisation__kind", "organisation__code")
    )


def _text(value):
    """A cell of the export: numbers and text as they are, the rest as `value_text` writes it
    (an import reads it back), a dict as JSON, a time in ISO form."""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if hasattr(value, "isoformat"):
        return value.isoformat(timespec="seconds")
    if isinstance(value, str) or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    return value_text(value)


def _org_cells(org):
    return [org.kind, org.code, org.name, org.county.code]


def answers_table(pot, reports):
    """(header, rows): one row per report, its funds, status and every answer by field name."""
    keys = []
    for report in reports:
        answers = report.answers or {}
        for key in [*answers, *(answers.get("_raw") or {})]:
            if key != "_raw" and key not in keys and key not in REPORT_COLUMNS:
                keys.append(key)
    header = ["year", "part", *ORG_COLUMNS, *REPORT_COLUMNS, *keys]
    rows = []
    for report in reports:
        answers = report.answers or {}
        # Answers that could not be stored in their column are kept as typed, under "_raw".
        raw = answers.get("_raw") or {}
        rows.append(
            [
                pot.part.agreement.year,
                pot.part.slug,
                *_org_cells(report.organisation),
                *[
                    _text(raw.get(c) if getattr(report, c) is None else getattr(report, c))
                    for c in REPORT_COLUMNS
                ],
                *[_text(raw.get(k, answers.get(k))) for k in keys],
            ]
        )
    return header, rows


def initiatives_table(pot, reports):
    """(header, rows): one row per initiative, in the import format plus names and details; the
    plan activity it carries out by id (`plan_activity`, which the import reads) and as text."""
    header = [
        *INITIATIVE_COLUMNS,
        "organisation",
        "county_code",
        "title",
        "measurement",
        "plan_activity",
        "plan_activity_title",
    ]
    rows = []
    for report in reports:
        org = report.organisation
        for i in report.initiatives.all():
            rows.append(
                [
                    pot.part.agreement.year,
                    pot.part.slug,
                    org.kind,
                    org.code,
                    i.identifier,
                    i.category.slug if i.category_id else "",
                    i.activities,
                    i.goals,
                    i.outputs,
                    i.effects,
                    i.effect_level,
                    _text(i.effect_measured),
                    i.funds_sek if i.funds_sek is not None else "",
                    i.phase,
                    _text(i.within_agreement),
                    org.name,
                    org.county.code,
                    i.title,
                    i.measurement,
                    i.plan_activity_id if i.plan_activity_id is not None else "",
                    activity_label(i.plan_activity) if i.plan_activity_id else "",
                ]
            )
    return header, rows


def measures_table(pot, reports):
    """(header, rows): one row per reported number, in the import format plus names."""
    header = [*MEASURE_COLUMNS, "organisation", "county_code"]
    rows = []
    for report in reports:
        org = report.organisation
        for m in sorted(report.measures.all(), key=lambda m: m.code):
            rows.append(
                [pot.part.agreement.year, org.kind, org.code, m.code, m.value, org.name]
                + [org.county.code]
            )
    return header, rows


TABLES = {"answers": answers_table, "initiatives": initiatives_table, "measures": measures_table}


def sheets_for(pot):
    """The tables of a pot: measures only if the pot collects any."""
    if pot.measures.exists():
        return list(SHEETS)
    return ["answers", "initiatives"]


def to_csv(header, rows):
    """UTF-8 with BOM (so Excel reads it right), comma separated. Text that a spreadsheet would
    run as a formula gets a leading apostrophe (the import removes it again), header included;
    see `core.cells.csv_bytes`."""
    return cells.csv_bytes(header, rows)


def export_csv(pot, sheet, queryset=None):
    reports = list(reports_of_pot(pot, queryset))
    return to_csv(*TABLES[sheet](pot, reports))


def column_formats(header):
    """{column index: number format} for a table's sheet: kronor and measured values as whole
    numbers with groups (1 234 567 in Swedish Excel), the year without (2020). The cells stay
    numbers, so the import reads them back as before."""
    formats = {}
    for n, name in enumerate(header):
        if name == "year":
            formats[n] = cells.PLAIN
        elif name.endswith("_sek") or name == "value":
            formats[n] = cells.WHOLE
    return formats


_INTEGER_TEXT = re.compile(r"-?(0|[1-9][0-9]*)")
_DECIMAL_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def number_answers(pot, header, rows):
    """(rows, formats) of the answers sheet with the answers to the questionnaire's integer and
    decimal questions as numbers: the form stores them as typed text ("350000"), and a sheet
    would hold them as numbers stored as text. Only text that is exactly such a number is
    changed ("007" or "2,5" stays as typed); CSV keeps them as text."""
    questionnaire = Questionnaire.objects.filter(pot=pot).only("definition").first()
    kinds = {}
    if questionnaire is not None:
        kinds = {
            q.name: q.type
            for q in report_questions(questionnaire.definition, [])
            if q.type in (INTEGER, DECIMAL)
        }
    columns = {
        n: kinds[name]
        for n, name in enumerate(header)
        if name in kinds and name not in REPORT_COLUMNS
    }
    if not columns:
        return rows, {}

    def number(value, kind):
        if not isinstance(value, str):
            return value
        if kind == INTEGER and _INTEGER_TEXT.fullmatch(value):
            return int(value)
        if kind == DECIMAL and _DECIMAL_TEXT.fullmatch(value):
            return Decimal(value)
        return value

    rows = [
        [number(v, columns[n]) if n in columns else v for n, v in enumerate(row)] for row in rows
    ]
    formats = {n: cells.WHOLE if kind == INTEGER else cells.DECIMAL for n, kind in columns.items()}
    return rows, formats


def export_xlsx(pot, queryset=None):
    """An Excel workbook with one sheet per table; all text is stored as text, never a formula,
    and numbers as numbers with a number format (`column_formats`)."""
    reports = list(reports_of_pot(pot, queryset))
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets_for(pot):
        header, rows = TABLES[sheet](pot, reports)
        ws = workbook.create_sheet(SHEET_TITLES[sheet])
        cells.append_row(ws, header)
        formats = column_formats(header)
        if sheet == "answers":
            rows, answer_formats = number_answers(pot, header, rows)
            formats.update(answer_formats)
        for row in rows:
            cells.append_row(ws, row, formats)
        ws.freeze_panes = "A2"
        for col in range(1, len(header) + 1):
            ws.column_dimensions[get_column_letter(col)].width = 18
    buf = io.BytesIO()
    workbook.save(buf)
    return buf.getvalue()
