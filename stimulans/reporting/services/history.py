"""A report's history in words a reporter reads: every change to the report, its initiatives,
measures and attachments and every autosave, newest first, with who and when. Field names
become their Swedish labels, answers their questions' labels, choice names their choices'
labels, and values are shown as typed (0 is 0; only an empty answer is a dash)."""

import datetime
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stimulans.lib.numbers import NO_VALUE, thousands

from .. import xlsform
from ..forminputs import ROW_INPUT
from ..models import Initiative, MeasureValue, Report, ReportAttachment, ReportStatus
from .permissions import can_edit_report
from .reading import definition_for

# simple_history's own names of its change types have no Swedish translation.
HISTORY_TYPES = {
    "+": gettext_lazy("Skapad"),
    "~": gettext_lazy("Ändrad"),
    "-": gettext_lazy("Borttagen"),
}

# Bookkeeping columns no reporter typed: never listed as changes.
HIDDEN_FIELDS = frozenset(
    {"id", "report", "version", "updated_at", "created_at", "autosave_since", "order", "file"}
)

# Where Report.answers and Initiative.extra keep the raw answers that had no column.
RAW = "_raw"


class Questions:
    """The questionnaire's questions by field name: their labels and choice labels."""

    def __init__(self, definition: dict[str, Any]) -> None:
        self.nodes = {name: node for name, (node, _r) in xlsform.fields(definition).items()}

    def label(self, name: str) -> str:
        node = self.nodes.get(name)
        return str(xlsform.label(node)) if node else name

    def value(self, name: str, value: Any) -> str:
        """An answer as the form shows it: choice names as their labels."""
        if value is None or value == "" or value == []:
            return NO_VALUE
        node = self.nodes.get(name)
        labels = dict(xlsform.choices(node)) if node else {}
        if labels:
            picked = value if isinstance(value, list | tuple) else str(value).split()
            return ", ".join(str(labels.get(str(v), v)) for v in picked)
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        return str(value)


def who(user: Any) -> str:
    if user is None:
        return NO_VALUE
    return str(user.get_full_name() or user.username)


def field_value(field: models.Field, value: Any) -> str:  # type: ignore[type-arg]
    """A model field's value in Swedish: its choice's label, Ja/Nej, a related object's name,
    numbers with thousands separators, times in local time."""
    if value is None or value == "":
        return NO_VALUE
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("Ja") if value else _("Nej")
    if isinstance(field, models.ForeignKey):
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return thousands(value)
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return str(value)


def _answer_changes(old: Any, new: Any, questions: Questions) -> list[tuple[str, str, str]]:
    """The answers of a JSON column that changed, one row per question."""
    old = dict(old or {})
    new = dict(new or {})
    old.update(old.pop(RAW, None) or {})
    new.update(new.pop(RAW, None) or {})
    rows = []
    for name in sorted(set(old) | set(new), key=questions.label):
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        rows.append(
            (questions.label(name), questions.value(name, before), questions.value(name, after))
        )
    return rows


def changes(record: Any, questions: Questions) -> list[tuple[str, str, str]]:
    """Changed fields of one history record, as [(label, old, new)]."""
    prev = record.prev_record
    if prev is None:
        return []
    rows = []
    for change in record.diff_against(prev).changes:
        if change.field in HIDDEN_FIELDS:
            continue
        field = record.instance_type._meta.get_field(change.field)
        if isinstance(field, models.JSONField):
            rows.extend(_answer_changes(change.old, change.new, questions))
        else:
            rows.append(
                (
                    capfirst(str(field.verbose_name)),
                    field_value(field, change.old),
                    field_value(field, change.new),
                )
            )
    return rows


def _autosave_text(saved: Any, questions: Questions) -> str:
    """An autosave in the history: the questions whose answers it changed."""
    names = []
    for key in sorted(saved.changes):
        row = ROW_INPUT.match(key)
        if row:
            repeat = questions.label(row["repeat"])
            names.append(f"{repeat} {int(row['index']) + 1}: {questions.label(row['name'])}")
        else:
            names.append(questions.label(key[2:]))
    return _("ändrade svar: %(fields)s") % {"fields": "; ".join(names) or NO_VALUE}


def _restorable(report: Report, user: Any) -> set[int]:
    """Removed initiatives that can be put back from the history (the report is a draft)."""
    if not (report.is_editable and can_edit_report(user, report)):
        return set()
    present = set(report.initiatives.values_list("identifier", flat=True))
    return {
        history_id
        for history_id, identifier in Initiative.history.filter(
            report_id=report.pk, history_type="-"
        ).values_list("history_id", "identifier")
        if identifier not in present
    }


def _name(record: Any, model: type[models.Model], questions: Questions) -> str:
    if model is MeasureValue:
        return questions.label(xlsform.measure_field_name(record.code))
    return str(getattr(record, "title", "") or getattr(record, "name", ""))


def report_events(report: Report, user: Any) -> list[dict[str, Any]]:
    """Every change to the report, newest first, as rows for the history page."""
    questions = Questions(definition_for(report))
    events = []
    for record in report.history.select_related("history_user").all():
        events.append(
            {
                "when": record.history_date,
                "who": who(record.history_user),
                "what": _("Redovisningen"),
                "type": HISTORY_TYPES[record.history_type],
                "status": ReportStatus(record.status).label,
                "changes": changes(record, questions),
            }
        )
    restorable = _restorable(report, user)
    for model, what in (
        (Initiative, _("Insats")),
        (MeasureValue, _("Mätvärde")),
        (ReportAttachment, _("Bilaga")),
    ):
        history = model.history  # type: ignore[attr-defined]
        for record in history.filter(report_id=report.pk).select_related("history_user"):
            name = _name(record, model, questions)
            events.append(
                {
                    "when": record.history_date,
                    "who": who(record.history_user),
                    "what": f"{what}: {name}" if name else what,
                    "type": HISTORY_TYPES[record.history_type],
                    "status": "",
                    "changes": changes(record, questions),
                    "restore": model is Initiative and record.history_id in restorable,
                    "record": record.history_id,
                }
            )
    label = _("Automatiskt sparat utkast")
    for saved in report.autosaves.select_related("saved_by"):
        events.append(
            {
                "when": saved.saved_at,
                "who": who(saved.saved_by),
                "what": label,
                "type": _("Ändrad"),
                "status": "",
                "changes": [],
                "note": _autosave_text(saved, questions),
            }
        )
    events.sort(key=lambda e: e["when"], reverse=True)
    return events
