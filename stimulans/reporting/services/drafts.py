"""Saving a draft: the answers onto the report's columns, answers, measures and initiatives,
without validating."""

import uuid

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from stimulans.funds.models import Category
from stimulans.lib.faults import failpoint
from stimulans.lib.numbers import parse_int

from .. import xlsform
from ..models import (
    EffectLevel,
    Initiative,
    MeasureValue,
    Phase,
    Report,
)
from .errors import WorkflowError
from .permissions import can_edit_report
from .plan_activities import PLAN_ACTIVITY
from .reading import definition_for
from .versions import check_version, page_token


def _clean_text(value):
    """Text as stored: stripped, without NUL characters (which no database text column takes);
    the rows of a repeat (dicts) keep their shape."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return {str(k): _clean_text(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [
            _clean_text(v) if isinstance(v, dict) else str(v).replace("\x00", "") for v in value
        ]
    return str(value).replace("\x00", "").strip()


def _set_int(obj, attr, name, value, raw):
    try:
        setattr(obj, attr, parse_int(value))
    except (TypeError, ValueError):
        setattr(obj, attr, None)
        raw[name] = _clean_text(value)


def _bool_answer(value, true_values=("yes", "ja", "true", "1", "agreement")):
    text = str(value).strip().lower() if value is not None else ""
    if text == "":
        return None
    return text in true_values


@transaction.atomic
def save_draft(report, data, user, expected_version, check_permission=True, page=None):
    """Store `data` (see the module docstring) on the report without validating it.

    - `expected_version`: the Report.version the caller's edit is based on. If the report has
      been saved since, ConcurrentEditError is raised and nothing is saved (unless only the
      autosaves of the same page load, `page`, came in between).
    - Raises PermissionDenied if `user` may not edit the report, WorkflowError if the report is
      submitted or approved.
    Returns the report with its new version.
    """
    locked = (
        Report.objects.select_for_update().select_related("pot", "organisation").get(pk=report.pk)
    )
    if check_permission and not can_edit_report(user, locked):
        raise PermissionDenied
    if not locked.is_editable:
        raise WorkflowError(
            _("Redovisningen är %(status)s och kan inte ändras.")
            % {"status": locked.get_status_display().lower()}
        )
    check_version(locked, expected_version, user, page_token(page))

    definition = definition_for(locked)
    measure_codes = {xlsform.measure_field_name(m.code): m.code for m in locked.pot.measures.all()}
    answers = dict(locked.answers or {})
    raw = dict(answers.pop("_raw", {}))
    for name, value in data.items():
        if name == xlsform.INITIATIVES:
            continue
        raw.pop(name, None)
        if name in xlsform.REPORT_INTEGER_FIELDS:
            _set_int(locked, name, name, value, raw)
        elif name in xlsform.REPORT_FIELDS:
            setattr(locked, name, _clean_text(value))
        elif name in measure_codes:
            try:
                number = parse_int(value)
            except (TypeError, ValueError):
                number = None
                raw[name] = _clean_text(value)
            if number is None:
                MeasureValue.objects.filter(report=locked, code=measure_codes[name]).delete()
            else:
                mv, _created = MeasureValue.objects.get_or_create(
                    report=locked, code=measure_codes[name], defaults={"value": number}
                )
                if mv.value != number:
                    mv.value = number
                    mv._history_user = user
                    mv.save()
        elif isinstance(value, list | tuple) or value not in (None, ""):
            answers[name] = _clean_text(value)
        else:
            answers.pop(name, None)
    if raw:
        answers["_raw"] = raw
    locked.answers = answers

    if xlsform.INITIATIVES in data:
        _save_initiatives(locked, data[xlsform.INITIATIVES] or [], definition, user)
    failpoint("report.save_draft")

    # The caller's data supersedes pending autosaves: the form showed them, and the submission
    # applies them first (see submit).
    locked.autosave_since = None
    locked.version += 1
    locked._history_user = user
    locked.save()
    report.refresh_from_db()
    return report


def _initiative_state(initiative):
    return tuple(
        getattr(initiative, f.attname)
        for f in Initiative._meta.concrete_fields
        if not f.primary_key
    )


def _save_initiatives(report, rows, definition, user):
    categories = {c.slug: c for c in Category.objects.filter(pot=report.pot)}
    existing = {i.identifier: i for i in report.initiatives.all()}
    activity_node = xlsform.fields(definition).get(PLAN_ACTIVITY)
    activities = {c for c, _label in xlsform.choices(activity_node[0])} if activity_node else set()
    keep = set()
    for order, row in enumerate(rows):
        row = dict(row)
        identifier = str(row.pop("identifier", "") or "").strip() or uuid.uuid4().hex[:12]
        while identifier in keep:
            identifier = uuid.uuid4().hex[:12]
        keep.add(identifier)
        initiative = existing.get(identifier) or Initiative(report=report, identifier=identifier)
        before = _initiative_state(initiative)
        initiative.order = order
        extra = {}
        raw = {}
        for name, value in row.items():
            if name == "category":
                slug = value.strip() if isinstance(value, str) else ""
                initiative.category = categories.get(slug)
                if slug and initiative.category is None:
                    raw[name] = slug
            elif name == "funds_sek":
                _set_int(initiative, "funds_sek", name, value, raw)
            elif name in ("effect_measured", "within_agreement"):
                flag = _bool_answer(value)
                if flag is None:
                    raw[name] = ""
                    flag = name == "within_agreement"
                setattr(initiative, name, flag)
            elif name in ("effect_level", "phase"):
                text = value.strip() if isinstance(value, str) else ""
                allowed = EffectLevel.values if name == "effect_level" else Phase.values
                setattr(initiative, name, text if text in allowed else "")
                if text and text not in allowed:
                    raw[name] = _clean_text(value)
            elif name == PLAN_ACTIVITY:
                text = value.strip() if isinstance(value, str) else ""
                initiative.plan_activity_id = int(text) if text in activities else None
                if text and text not in activities:
                    raw[name] = _clean_text(value)
            elif name in ("title",):
                initiative.title = _clean_text(value)[:300]
            elif name in xlsform.INITIATIVE_FIELDS:
                setattr(initiative, name, _clean_text(value))
            elif isinstance(value, list | tuple) or value not in (None, ""):
                extra[name] = _clean_text(value)
        if raw:
            extra["_raw"] = raw
        initiative.extra = extra
        if initiative.pk is not None and _initiative_state(initiative) == before:
            continue  # unchanged: no write, no history entry
        initiative._history_user = user
        initiative.save()
    for identifier, initiative in existing.items():
        if identifier not in keep:
            initiative._history_user = user
            initiative.delete()
