"""Creating a report, pre-filled from the previous year where the questionnaire allows."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from stimulans.accounts.permissions import can_act_for_organisation

from .. import xlsform
from ..models import (
    Report,
)
from .drafts import save_draft
from .errors import WorkflowError
from .reading import definition_for, report_values


@transaction.atomic
def get_or_create_report(organisation, pot, user=None):
    """The organisation's report for the pot, created (and pre-filled from the previous year
    where the questionnaire allows) on first use. Returns (report, created)."""
    if organisation.kind != pot.recipient_kind:
        raise WorkflowError(
            _("%(org)s tar inte emot medel ur %(pot)s.") % {"org": organisation, "pot": pot}
        )
    report, created = Report.objects.get_or_create(organisation=organisation, pot=pot)
    if created:
        prefill_from_previous_year(report, user)
    return report, created


class ReportExists(WorkflowError):
    """The organisation already has a report for the pot (create_report makes only new ones)."""

    def __init__(self, report):
        self.report = report
        super().__init__(_("Redovisningen finns redan."))


def can_create_report(user):
    """Only an organisation's own officials create its reports."""
    return user.organisation is not None and can_act_for_organisation(user, user.organisation)


@transaction.atomic
def create_report(user, pot, data=None):
    """A new report of the user's organisation for the pot (the API's create), pre-filled like
    the web form's and then given `data` (as save_draft takes it), all or nothing: answers
    that are refused leave no empty report behind. Raises PermissionDenied (not the
    organisation's own official), ReportExists, WorkflowError (the organisation does not
    receive funds from the pot). Returns the report."""
    if not can_create_report(user):
        raise PermissionDenied(
            _("Bara organisationens egna handläggare kan skapa dess redovisningar.")
        )
    organisation = user.organisation
    existing = Report.objects.filter(organisation=organisation, pot=pot).first()
    if existing is not None:
        raise ReportExists(existing)
    report, _created = get_or_create_report(organisation, pot, user)
    if data:
        report.refresh_from_db()
        save_draft(report, data, user, report.version)
    return report


def previous_report(report):
    year = report.pot.part.agreement.year
    return (
        Report.objects.filter(
            organisation=report.organisation,
            pot__recipient_kind=report.pot.recipient_kind,
            pot__part__slug=report.pot.part.slug,
            pot__part__agreement__year=year - 1,
        )
        .select_related("pot")
        .first()
    )


@transaction.atomic
def prefill_from_previous_year(report, user=None):
    """Copy last year's answers into an untouched draft, for the questions the questionnaire
    marks with `prefill` = yes. Initiatives are copied if the `initiatives` repeat is marked:
    category (by slug), title, activities and goals; funds, outputs and effects start empty and
    the phase is "planned". Returns the number of answers copied."""
    previous = previous_report(report)
    if previous is None or not report.is_editable:
        return 0
    definition = definition_for(report)
    old = report_values(previous)
    data = {}
    for name, (node, repeat) in xlsform.fields(definition).items():
        if repeat is None and xlsform.prefill_allowed(node) and old.get(name) not in (None, ""):
            data[name] = old[name]
    repeat_node = xlsform.repeats(definition).get(xlsform.INITIATIVES)
    if repeat_node is not None and xlsform.prefill_allowed(repeat_node):
        data[xlsform.INITIATIVES] = [
            {
                "category": i.get("category", ""),
                "title": i.get("title", ""),
                "activities": i.get("activities", ""),
                "goals": i.get("goals", ""),
                "phase": "planned",
            }
            for i in old[xlsform.INITIATIVES]
        ]
    if data:
        save_draft(report, data, user, report.version, check_permission=False)
    return len(data)
