"""The report workflow (redovisning): create, save drafts, submit, return, approve, pre-fill.
Plain functions, no HTTP; pages, the CLI and the API call these.

Answers are passed as one dict, keyed by the questionnaire's XLSForm field names::

    {
        "funds_received_sek": "1200000",        # core answers mapped onto Report columns
        "funds_used_sek": 1100000,
        "pandemic": "yes",                       # any other answer → Report.answers
        "support_needed": ["guidance", "data"],  # select_multiple as a list (or "a b")
        "bup_first_assessment_children": "812",  # measure fields → MeasureValue
        "initiatives": [                         # the repeat group → Initiative rows, in order
            {"identifier": "a1b2", "category": "verksamhetsutveckling", "title": "…",
             "funds_sek": "250000", "effect_measured": "yes", "within_agreement": "yes", …},
        ],
    }

`autosave` keeps the form's changed inputs as posted, a couple of seconds after the reporter
stops typing; the next `save_draft` or `submit` applies them.
`save_draft` stores what it is given without validating (keys that are absent are kept; the
"initiatives" list, when present, replaces the report's initiatives, matched by "identifier").
`submit` validates everything and returns the problems as Swedish messages.

The modules: `permissions` (who may do what), `reading` (a report's answers, allocation,
deadline), `versions` (optimistic locking, page tokens), `drafts` (save_draft and post_form,
one form post in one transaction), `autosave`, `creating` (get-or-create with the previous
year's answers, create_report for the API), `attachments`, `workflow` (submit, return,
approve), `initiatives` (remove and restore), `status` (completeness), `reminders`. The names
below are re-exported for the callers that use `services.<name>`.

Workflow: draft → submitted → returned (with comment) → submitted → approved.
Who may do what (checked here too, raising PermissionDenied):
- edit and submit: the organisation's own officials (`can_act_for_organisation`);
- return for correction: the county coordinator of the organisation's county, or a national
  administrator;
- approve: national administrators only (coordinators read, comment and return, SKR approves);
- read: `can_view_organisation` (own organisation, county coordinator, analysts, admins).
"""

from stimulans.lib.numbers import NumberTooLarge, parse_int

from ..models import EDITABLE
from .attachments import ATTACHMENT_EXTENSIONS, add_attachment, remove_attachment
from .autosave import (
    AUTOSAVE_MAX_BYTES,
    AutosaveTooLarge,
    autosave,
    autosaved_at,
    autosaved_values,
    pending_autosaves,
)
from .creating import get_or_create_report, prefill_from_previous_year, previous_report
from .drafts import save_draft
from .errors import ConcurrentEditError, WorkflowError
from .initiatives import remove_initiative, removed_initiative, restore_initiative
from .permissions import (
    can_approve_report,
    can_edit_report,
    can_return_report,
    can_view_report,
)
from .reading import (
    allocation_for,
    deadline_for,
    deadline_text,
    definition_for,
    initiative_values,
    is_late,
    pots_for_organisation,
    report_values,
    reports_for_year,
)
from .reminders import ReminderRound, reminder_recipients, reminder_text, send_reminders
from .status import (
    completeness_totals,
    days_left_text,
    expected_organisations,
    organisation_reports,
    report_status_by_pot,
    report_status_rows,
    review_list,
    status_summary,
)
from .versions import check_version, new_page_token, page_token
from .workflow import (
    approve_report,
    return_report,
    submission_issues,
    submission_summary,
    submit,
    validate_report,
)

__all__ = [
    "ATTACHMENT_EXTENSIONS",
    "AUTOSAVE_MAX_BYTES",
    "EDITABLE",
    "AutosaveTooLarge",
    "ConcurrentEditError",
    "NumberTooLarge",
    "ReminderRound",
    "WorkflowError",
    "add_attachment",
    "allocation_for",
    "approve_report",
    "autosave",
    "autosaved_at",
    "autosaved_values",
    "can_approve_report",
    "can_edit_report",
    "can_return_report",
    "can_view_report",
    "check_version",
    "completeness_totals",
    "days_left_text",
    "deadline_for",
    "deadline_text",
    "definition_for",
    "expected_organisations",
    "get_or_create_report",
    "initiative_values",
    "is_late",
    "new_page_token",
    "organisation_reports",
    "page_token",
    "parse_int",
    "pending_autosaves",
    "pots_for_organisation",
    "prefill_from_previous_year",
    "previous_report",
    "reminder_recipients",
    "review_list",
    "reminder_text",
    "remove_attachment",
    "remove_initiative",
    "removed_initiative",
    "report_status_by_pot",
    "report_status_rows",
    "report_values",
    "reports_for_year",
    "restore_initiative",
    "return_report",
    "save_draft",
    "send_reminders",
    "submission_issues",
    "submission_summary",
    "status_summary",
    "submit",
    "validate_report",
]
