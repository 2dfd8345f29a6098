"""Reading a report: its allocation, deadline, lateness, questionnaire definition and answers
(in the shape save_draft takes)."""

import datetime
from typing import Any

from django.utils import timezone

from stimulans.funds.models import Allocation, Pot

from .. import xlsform
from ..models import (
    Questionnaire,
    Report,
)
from .plan_activities import PLAN_ACTIVITY, with_plan_activities


def allocation_for(report):
    return Allocation.objects.filter(pot=report.pot, organisation=report.organisation).first()


def deadline_for(report_or_pot):
    pot = report_or_pot.pot if isinstance(report_or_pot, Report) else report_or_pot
    return pot.part.agreement.reporting_deadline


def is_late(report, today=None):
    """Late: submitted after the agreement's deadline, or not submitted and the deadline passed."""
    deadline = deadline_for(report)
    if deadline is None:
        return False
    today = today or timezone.localdate()
    if report.is_counted and report.submitted_at:
        return timezone.localtime(report.submitted_at).date() > deadline
    return today > deadline


_definitions: dict[
    tuple[int, Any], Any
] = {}  # (questionnaire pk, uploaded_at) -> parsed definition, per process


def definition_for(report):
    """The questionnaire definition of the report's pot, with the choice of the plan activity in
    its initiatives where the county's plan has some (`plan_activities`)."""
    return with_plan_activities(questionnaire_definition(report), report)


def questionnaire_definition(report):
    """The questionnaire definition of the report's pot. Cached per process by questionnaire and
    upload time, so a new upload is seen at once; the XLSForm file itself is never loaded."""
    key = (
        Questionnaire.objects.filter(pot_id=report.pot_id).values_list("pk", "uploaded_at").first()
    )
    if key is None:
        return {"children": []}
    definition = _definitions.get(key)
    if definition is None:
        definition = Questionnaire.objects.values_list("definition", flat=True).get(pk=key[0])
        if len(_definitions) > 200:
            _definitions.clear()
        _definitions[key] = definition
    return definition


def _yes_no(value):
    return "yes" if value else "no"


def initiative_values(initiative):
    """One initiative as the form's answers (the inverse of the mapping in save_draft)."""
    values = {
        "identifier": initiative.identifier,
        "category": initiative.category.slug if initiative.category_id else "",
        "title": initiative.title,
        "activities": initiative.activities,
        "goals": initiative.goals,
        "outputs": initiative.outputs,
        "effects": initiative.effects,
        "effect_level": initiative.effect_level,
        "effect_measured": _yes_no(initiative.effect_measured),
        "measurement": initiative.measurement,
        "funds_sek": "" if initiative.funds_sek is None else str(initiative.funds_sek),
        "phase": initiative.phase,
        "within_agreement": _yes_no(initiative.within_agreement),
    }
    if initiative.plan_activity_id is not None:
        values[PLAN_ACTIVITY] = str(initiative.plan_activity_id)
    extra = dict(initiative.extra or {})
    raw = extra.pop("_raw", {})
    values.update(extra)
    values.update(raw)
    return values


def report_values(report):
    """All answers of a report in the shape save_draft takes."""
    values = {}
    for name in xlsform.REPORT_FIELDS:
        value = getattr(report, name)
        values[name] = "" if value is None else str(value)
    for mv in report.measures.all():
        values[xlsform.measure_field_name(mv.code)] = str(mv.value)
    answers = dict(report.answers or {})
    raw = answers.pop("_raw", {})
    values.update(answers)
    values.update(raw)
    values[xlsform.INITIATIVES] = [initiative_values(i) for i in report.initiatives.all()]
    return values


def reports_for_year(year):
    return Report.objects.filter(pot__part__agreement__year=year)


def pots_for_organisation(organisation, year):
    return Pot.objects.filter(
        part__agreement__year=year, recipient_kind=organisation.kind
    ).select_related("part__agreement")


def deadline_text(date):
    return date.strftime("%Y-%m-%d") if isinstance(date, datetime.date) else ""
