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

Workflow: draft → submitted → returned (with comment) → submitted → approved.
Who may do what (checked here too, raising PermissionDenied):
- edit and submit: the organisation's own officials (`can_act_for_organisation`);
- return for correction: the county coordinator of the organisation's county, or a national
  administrator;
- approve: national administrators only (coordinators read, comment and return, SKR approves);
- read: `can_view_organisation` (own organisation, county coordinator, analysts, admins).
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stimulans.accounts.models import Role
from stimulans.accounts.permissions import (
    can_act_for_organisation,
    can_act_for_organisation_id,
    can_view_organisation,
)
from stimulans.funds.models import Allocation, Category, Pot
from stimulans.lib.faults import failpoint
from stimulans.lib.text import is_digits
from stimulans.mail.models import MailStatus

from . import xlsform
from .models import EffectLevel, Initiative, MeasureValue, Phase, Report, ReportStatus


class WorkflowError(ValueError):
    """The action is not possible in the report's current state."""


class ConcurrentEditError(WorkflowError):
    """Someone saved the report after the version the caller edited."""

    def __init__(self, report, expected_version):
        self.report = report
        self.expected_version = expected_version
        super().__init__(
            _(
                "Redovisningen har ändrats av någon annan sedan du öppnade den (version "
                "%(expected)s, nu %(current)s). Dina ändringar är inte sparade; de finns kvar i "
                "formuläret. Ladda om sidan för att se den senaste versionen."
            )
            % {"expected": expected_version, "current": report.version}
        )


EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)


# --- permissions ----------------------------------------------------------------------------


def can_view_report(user, report):
    return can_view_organisation(user, report.organisation)


def can_edit_report(user, report):
    return can_act_for_organisation(user, report.organisation)


def can_return_report(user, report):
    if not user.is_authenticated:
        return False
    if user.role == Role.NATIONAL_ADMIN:
        return True
    return (
        user.role == Role.COUNTY_COORDINATOR
        and user.county_id is not None
        and user.county_id == report.organisation.county_id
    )


def can_approve_report(user, report):
    return user.is_authenticated and user.role == Role.NATIONAL_ADMIN


# --- reading --------------------------------------------------------------------------------


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
    if report.status in (ReportStatus.SUBMITTED, ReportStatus.APPROVED) and report.submitted_at:
        return timezone.localtime(report.submitted_at).date() > deadline
    return today > deadline


_definitions = {}  # (questionnaire pk, uploaded_at) -> parsed definition, per process


def definition_for(report):
    """The questionnaire definition of the report's pot. Cached per process by questionnaire and
    upload time, so a new upload is seen at once; the XLSForm file itself is never loaded."""
    from .models import Questionnaire

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


# --- creating -------------------------------------------------------------------------------


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
    if previous is None or report.status not in EDITABLE:
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


# --- saving ---------------------------------------------------------------------------------


def _version(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _check_version(report, expected_version, user, page=None):
    """Raise ConcurrentEditError unless the caller's edit is based on the report's current
    version – or on a version after which only the same page's own autosaves came (`page`:
    the token of one load of the report form, posted with each autosave and save): a save
    clicked while the page's autosave was on its way must not collide with itself, while any
    other change in between is refused, even by the same user in another tab."""
    expected = _version(expected_version)
    if expected == report.version:
        return
    since = report.autosave_since
    if (
        expected is not None
        and user is not None
        and page
        and since is not None
        and since <= expected < report.version
        and not report.autosaves.filter(version__gt=expected)
        .exclude(page=page, saved_by=user)
        .exists()
    ):
        return
    raise ConcurrentEditError(report, expected_version)


def new_page_token():
    """A token for one load of the report form (see _check_version)."""
    return uuid.uuid4().hex


def page_token(value):
    """A posted page token as stored: at most 32 characters, '' if none."""
    return str(value or "")[:32]


# Autosave requests larger than this are refused (the form posts only the inputs changed since
# its previous autosave, a few kB; a bigger one is a paste of a whole document, a runaway
# script or an attack, and "Spara utkast" still takes it).
AUTOSAVE_MAX_BYTES = 256 * 1024


class AutosaveTooLarge(WorkflowError):
    def __init__(self):
        super().__init__(
            _(
                "Ändringarna är för stora för att sparas automatiskt (högst %(kb)d kB åt "
                "gången). Spara med knappen Spara utkast."
            )
            % {"kb": AUTOSAVE_MAX_BYTES // 1024}
        )


def autosave(report_id, changes, user, expected_version, page=""):
    """Keep the report form's changed inputs ({input name: [values]}, [] for an input left
    empty) as the browser posted them, without parsing or validating them: the autosave a
    couple of seconds after typing stops. The form shows them on top of the saved answers; the
    next full save (`save_draft`) or the submission applies them.

    `page` is the token of the page load that posts (see _check_version).

    Raises Report.DoesNotExist, PermissionDenied, WorkflowError (not editable) and
    ConcurrentEditError like save_draft. Returns (new version, time saved)."""
    now = timezone.now()
    page = page_token(page)
    expected = _version(expected_version)
    if changes and expected is not None and can_act_for_organisation_id(user, user.organisation_id):
        version = _write_autosave(report_id, expected, user, changes, now, page)
        if version is not None:
            return version, now
    # Not written: find out why (seldom: the report is not the user's, not editable, or the
    # version has moved on) and, if only this page's own autosaves came in between, write on
    # top of them.
    with transaction.atomic():
        report = Report.objects.select_for_update().select_related("organisation").get(pk=report_id)
        if not can_edit_report(user, report):
            raise PermissionDenied
        if report.status not in EDITABLE:
            raise WorkflowError(_("Redovisningen är inskickad och kan inte ändras."))
        _check_version(report, expected_version, user, page)
        if not changes:
            return report.version, now  # nothing to keep: no write, no history entry
        return _write_autosave(report_id, report.version, user, changes, now, page), now


def _write_autosave(report_id, version, user, changes, now, page=""):
    """Move the report from `version` to the next and record the autosave, if the report is
    still at `version`, editable and the user's organisation's; returns the new version, or
    None if nothing was written.

    This runs every few seconds for every reporter at the deadline, so it is written out in
    SQL: on PostgreSQL one statement (a conditional update feeding the insert, atomic without
    a transaction block), on SQLite an update and an insert in one transaction. Building the
    same with the ORM cost several times as much as running it (benchmarks/draft_save.py,
    docs/performance.md)."""
    from .models import ReportAutosave

    update = (
        f"UPDATE {Report._meta.db_table} SET version = version + 1, "
        "autosave_since = COALESCE(autosave_since, version), updated_at = %s "
        "WHERE id = %s AND version = %s AND organisation_id = %s AND status IN (%s, %s) "
        "RETURNING id, version"
    )
    stamp = connection.ops.adapt_datetimefield_value(now)
    params = [stamp, report_id, version, user.organisation_id, *EDITABLE]
    record = [
        ReportAutosave._meta.get_field("changes").get_db_prep_save(changes, connection),
        user.pk,
        stamp,
        page,
    ]
    insert = (
        f"INSERT INTO {ReportAutosave._meta.db_table} "
        "(report_id, version, changes, saved_by_id, saved_at, page) "
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH moved AS ({update}) {insert} SELECT id, version, %s, %s, %s, %s FROM moved "
                "RETURNING version",
                params + record,
            )
            row = cursor.fetchone()
        return row[0] if row else None
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(update, params)
        row = cursor.fetchone()
        if row is None:
            return None
        cursor.execute(insert + "VALUES (%s, %s, %s, %s, %s, %s)", [*row, *record])
    return row[1]


def pending_autosaves(report):
    """The autosaves no full save has applied yet, oldest first."""
    if report.autosave_since is None:
        return []
    return list(report.autosaves.filter(version__gt=report.autosave_since).order_by("version"))


def autosaved_at(report):
    """When the last pending autosave was made, or None."""
    return report.updated_at if report.autosave_since is not None else None


def autosaved_values(report, definition=None):
    """The saved answers with the pending autosaves applied, in the shape save_draft takes;
    None if there are none."""
    from .forms import apply_input_changes

    autosaves = pending_autosaves(report)
    if not autosaves:
        return None
    definition = definition if definition is not None else definition_for(report)
    values = report_values(report)
    for saved in autosaves:
        values = apply_input_changes(definition, values, saved.changes)
    return values


def _clean_text(value):
    """Text as stored: stripped, without NUL characters (which no database text column takes)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return [str(v).replace("\x00", "") for v in value]
    return str(value).replace("\x00", "").strip()


MAX_BIGINT = 2**63 - 1


class NumberTooLarge(ValueError):
    """A whole number beyond what the database stores (±2**63 − 1)."""


def parse_int(value):
    """Whole kronor/counts from form text: '1 200 000', '1200000', 1200000. None if blank;
    raises ValueError if not a whole number or too large for the database."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        if text == "":
            return None
        if text.endswith(",00") or text.endswith(".00"):
            text = text[:-3]
        number = int(text)
    if abs(number) > MAX_BIGINT:
        raise NumberTooLarge(value)
    return number


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
    if locked.status not in EDITABLE:
        raise WorkflowError(
            _("Redovisningen är %(status)s och kan inte ändras.")
            % {"status": locked.get_status_display().lower()}
        )
    _check_version(locked, expected_version, user, page_token(page))

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


# --- attachments ----------------------------------------------------------------------------

ATTACHMENT_EXTENSIONS = [".pdf", ".docx", ".doc", ".odt", ".xlsx", ".ods", ".pptx", ".txt", ".csv"]


def _editable_for(report, user):
    if not can_edit_report(user, report):
        raise PermissionDenied
    if report.status not in EDITABLE:
        raise WorkflowError(_("Redovisningen är inskickad och kan inte ändras."))


@transaction.atomic
def add_attachment(report, upload, user):
    """Attach an uploaded document (checked with funds.forms.check_upload by the caller)."""
    from .models import ReportAttachment

    _editable_for(report, user)
    name = upload.name.rsplit("/", 1)[-1][:200]
    attachment = ReportAttachment(report=report, name=name, uploaded_by=user)
    attachment.file.save(name, upload, save=False)
    attachment._history_user = user
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(report, attachment_id, user):
    _editable_for(report, user)
    attachment = report.attachments.filter(pk=attachment_id).first()
    if attachment is not None:
        attachment._history_user = user
        attachment.delete()  # the file is kept on disk, so the history can still refer to it


# --- workflow -------------------------------------------------------------------------------


@transaction.atomic
def submit(report, user, expected_version=None):
    """Validate the whole report and, if there are no problems, submit it.

    Returns a list of problems (validation.Issue, a str subclass with `.field` and
    `.initiative` – the 1-based initiative number or None); empty means submitted.
    Raises PermissionDenied, WorkflowError (wrong state) or ConcurrentEditError (when
    `expected_version` is given and stale)."""
    from .validation import irrelevant_fields, validate_report

    locked = Report.objects.select_for_update().get(pk=report.pk)
    if not can_edit_report(user, locked):
        raise PermissionDenied
    if locked.status not in EDITABLE:
        raise WorkflowError(_("Redovisningen är redan inskickad."))
    if expected_version is not None:
        _check_version(locked, expected_version, user)
    if locked.autosave_since is not None:
        # Submit what the reporter last saw in the form.
        save_draft(locked, autosaved_values(locked), user, locked.version, check_permission=False)
        locked.refresh_from_db()
    issues = validate_report(locked)
    if issues:
        return issues
    clear = irrelevant_fields(definition_for(locked), report_values(locked))
    if clear:
        save_draft(locked, clear, user, locked.version, check_permission=False)
        locked.refresh_from_db()
    locked.status = ReportStatus.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.version += 1
    locked._history_user = user
    locked.save()
    failpoint("report.submit")  # tests kill the server here: the submission must roll back
    report.refresh_from_db()
    return []


@transaction.atomic
def return_report(report, user, comment, expected_version=None):
    """Send a submitted report back for correction with a comment (county coordinator or
    national administrator). With `expected_version` (the version the confirmation page
    showed), a report changed since raises ConcurrentEditError."""
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if not can_return_report(user, locked):
        raise PermissionDenied
    if expected_version is not None:
        _check_version(locked, expected_version, user)
    comment = (comment or "").strip()
    if not comment:
        raise WorkflowError(_("Skriv en kommentar om vad som behöver kompletteras."))
    if locked.status not in (ReportStatus.SUBMITTED, ReportStatus.APPROVED):
        raise WorkflowError(_("Bara inskickade redovisningar kan återsändas."))
    locked.status = ReportStatus.RETURNED
    locked.return_comment = comment
    locked.approved_at = None
    locked.version += 1
    locked._history_user = user
    locked.save()
    report.refresh_from_db()
    return report


@transaction.atomic
def approve_report(report, user, expected_version=None):
    """Approve a submitted report (national administrator). With `expected_version` (the
    version the confirmation page showed), a report changed since raises
    ConcurrentEditError."""
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if not can_approve_report(user, locked):
        raise PermissionDenied
    if expected_version is not None:
        _check_version(locked, expected_version, user)
    if locked.status != ReportStatus.SUBMITTED:
        raise WorkflowError(_("Bara inskickade redovisningar kan godkännas."))
    locked.status = ReportStatus.APPROVED
    locked.approved_at = timezone.now()
    locked.version += 1
    locked._history_user = user
    locked.save()
    report.refresh_from_db()
    return report


def submission_issues(report):
    """The problems that would stop the submission of the report as saved (the form's "Skicka
    in" saves the draft first, then checks), as validation.Issue; nothing is changed."""
    from .validation import validate_report

    return validate_report(report)


def submission_summary(report):
    """What a submission would send, for the confirmation page: the answers as the form shows
    them (pending autosaves applied), as {funds_received_sek, funds_used_sek,
    funds_carried_over_sek, initiatives, initiative_funds_sek, attachments}; amounts are ints
    or None."""
    values = autosaved_values(report) or report_values(report)

    def amount(value):
        try:
            return parse_int(value)
        except (TypeError, ValueError):
            return None

    rows = values.get(xlsform.INITIATIVES) or []
    return {
        "funds_received_sek": amount(values.get("funds_received_sek")),
        "funds_used_sek": amount(values.get("funds_used_sek")),
        "funds_carried_over_sek": amount(values.get("funds_carried_over_sek")),
        "initiatives": len(rows),
        "initiative_funds_sek": sum(amount(row.get("funds_sek")) or 0 for row in rows),
        "attachments": report.attachments.count(),
    }


# --- removing and restoring initiatives -----------------------------------------------------


def _touch(locked, user):
    """Move the report's version on (its initiatives changed) and record who did it."""
    locked.version += 1
    locked._history_user = user
    locked.save()


@transaction.atomic
def remove_initiative(report, identifier, user, expected_version):
    """Remove one initiative (the confirmation page's "Ta bort"), checked against the version
    the page showed. Returns the history record of the removal, which `restore_initiative`
    takes to put it back with its answers. Raises Initiative.DoesNotExist, PermissionDenied,
    WorkflowError and ConcurrentEditError."""
    locked = Report.objects.select_for_update().select_related("organisation").get(pk=report.pk)
    _editable_for(locked, user)
    _check_version(locked, expected_version, user)
    if locked.autosave_since is not None:
        # Pending autosaves refer to initiatives by position: apply them before positions move.
        save_draft(locked, autosaved_values(locked), user, locked.version, check_permission=False)
        locked.refresh_from_db()
    initiative = locked.initiatives.get(identifier=identifier)
    initiative._history_user = user
    initiative.delete()
    _touch(locked, user)
    report.refresh_from_db()
    return (
        Initiative.history.filter(report_id=locked.pk, identifier=identifier, history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    )


def removed_initiative(report, history_id):
    """The history record of an initiative removed from the report that can be restored (no
    initiative with its identifier exists now), or None."""
    if not is_digits(str(history_id or "")):
        return None
    record = Initiative.history.filter(
        report_id=report.pk, history_type="-", history_id=int(history_id)
    ).first()
    if record is None or report.initiatives.filter(identifier=record.identifier).exists():
        return None
    return record


@transaction.atomic
def restore_initiative(report, history_id, user):
    """Put a removed initiative back, with its answers, at its old place ("Ångra" right after
    the removal, or later from the history). Returns the initiative. Raises PermissionDenied,
    WorkflowError (not editable, or nothing to restore)."""
    locked = Report.objects.select_for_update().select_related("organisation").get(pk=report.pk)
    _editable_for(locked, user)
    record = removed_initiative(locked, history_id)
    if record is None:
        raise WorkflowError(_("Insatsen finns redan eller kan inte återställas."))
    if locked.autosave_since is not None:
        save_draft(locked, autosaved_values(locked), user, locked.version, check_permission=False)
        locked.refresh_from_db()
    initiative = record.instance
    if initiative.category_id and not Category.objects.filter(pk=initiative.category_id).exists():
        initiative.category = None
    siblings = list(locked.initiatives.order_by("order", "pk"))
    place = min(initiative.order, len(siblings))
    for order, other in enumerate(siblings[:place] + [None] + siblings[place:]):
        if other is None:
            initiative.order = order
        elif other.order != order:
            Initiative.objects.filter(pk=other.pk).update(order=order)
    if Initiative.objects.filter(pk=initiative.pk).exists():
        initiative.pk = None  # the old row id is taken: a new row with the same answers
    initiative._history_user = user
    initiative.save(force_insert=True)
    _touch(locked, user)
    report.refresh_from_db()
    return initiative


def reports_for_year(year):
    return Report.objects.filter(pot__part__agreement__year=year)


def pots_for_organisation(organisation, year):
    return Pot.objects.filter(
        part__agreement__year=year, recipient_kind=organisation.kind
    ).select_related("part__agreement")


def deadline_text(date):
    return date.strftime("%Y-%m-%d") if isinstance(date, datetime.date) else ""


# --- completeness and reminders -------------------------------------------------------------


def expected_organisations(pot):
    """The organisations expected to report on the pot: those with an allocation, or (before
    the pot is allocated) every organisation of its recipient kind."""
    from stimulans.organisations.models import Organisation

    orgs = Organisation.objects.filter(allocations__pot=pot)
    if not orgs.exists():
        orgs = Organisation.objects.filter(kind=pot.recipient_kind)
    return orgs.select_related("county").order_by("code")


def report_status_rows(pot, county=None, today=None):
    """[{organisation, report (or None), status, done, late, last_reminder}] for the pot: every
    expected organisation (of `county` only, if given), in code order."""
    return report_status_by_pot([pot], county, today)[pot.pk]


def report_status_by_pot(pots, county=None, today=None):
    """{pot id: report_status_rows} for several pots in five queries, whatever their number:
    the county overview and the national completeness page show every pot of a year, and are
    reloaded often at the deadline."""
    from stimulans.organisations.models import Organisation

    from .models import Reminder

    pots = list(pots)
    pot_ids = [pot.pk for pot in pots]
    in_county = {"organisation__county": county} if county is not None else {}
    # As expected_organisations: those with an allocation, or every organisation of the
    # recipient kind where the pot is not allocated yet (anywhere in the country).
    allocated = set(
        Allocation.objects.filter(pot_id__in=pot_ids).order_by().values_list("pot_id", flat=True)
    )
    expected = {pot.pk: set() for pot in pots}
    for pot_id, org_id in (
        Allocation.objects.filter(pot_id__in=pot_ids, **in_county)
        .order_by()
        .values_list("pot_id", "organisation_id")
    ):
        expected[pot_id].add(org_id)
    kinds = {pot.recipient_kind for pot in pots if pot.pk not in allocated}
    wanted = set().union(*expected.values())
    organisations = Organisation.objects.filter(Q(pk__in=wanted) | Q(kind__in=kinds))
    if county is not None:
        organisations = organisations.filter(county=county)
    organisations = list(organisations.select_related("county").order_by("code", "kind"))
    # Not shown here, and the answers are big.
    reports = {
        (r.pot_id, r.organisation_id): r
        for r in Report.objects.filter(pot_id__in=pot_ids, **in_county)
        .order_by()
        .defer("answers", "funds_explanation", "return_comment")
    }
    reminders = {}
    for reminder in (
        Reminder.objects.filter(pot_id__in=pot_ids, **in_county)
        .annotate(
            mails_total=Count("mails"),
            mails_sent=Count("mails", filter=Q(mails__status=MailStatus.SENT)),
            mails_failed=Count("mails", filter=Q(mails__status=MailStatus.FAILED)),
        )
        .order_by("sent_at", "pk")
    ):
        reminders[reminder.pot_id, reminder.organisation_id] = reminder  # the last one counts
    today = today or timezone.localdate()
    result = {}
    for pot in pots:
        deadline = deadline_for(pot)
        rows = result[pot.pk] = []
        for org in organisations:
            if pot.pk in allocated:
                if org.pk not in expected[pot.pk]:
                    continue
            elif org.kind != pot.recipient_kind:
                continue
            report = reports.get((pot.pk, org.pk))
            if report is None:
                late = deadline is not None and today > deadline
                status = None
            else:
                report.pot = pot  # is_late reads the agreement's deadline through it
                late = is_late(report, today)
                status = report.status
            rows.append(
                {
                    "organisation": org,
                    "report": report,
                    "status": status,
                    "done": status in (ReportStatus.SUBMITTED, ReportStatus.APPROVED),
                    "late": late,
                    "last_reminder": reminders.get((pot.pk, org.pk)),
                }
            )
    return result


def completeness_totals(agreement):
    """(expected, done): the reports expected for every pot of the agreement, and how many of
    them are submitted or approved."""
    pots = Pot.objects.filter(part__agreement=agreement).select_related("part__agreement")
    rows = [row for pot_rows in report_status_by_pot(pots).values() for row in pot_rows]
    return len(rows), sum(1 for row in rows if row["done"])


def reminder_recipients(organisations):
    """{organisation id: [addresses]}: where a reminder to each organisation goes, the e-mail
    addresses of its active users, sorted, each once. Inactive users and users without an
    address cannot be reached; an organisation with none gets an empty list."""
    from stimulans.accounts.models import User

    ids = [getattr(org, "pk", org) for org in organisations]
    result = {pk: [] for pk in ids}
    seen = set()
    users = (
        User.objects.filter(organisation_id__in=ids, is_active=True)
        .exclude(email="")
        .order_by("email")
        .values_list("organisation_id", "email")
    )
    for org_id, email in users:
        email = email.strip()
        if email and (org_id, email.lower()) not in seen:
            seen.add((org_id, email.lower()))
            result[org_id].append(email)
    return result


@dataclass
class ReminderRound:
    """What one round of reminders did: the organisations reminded and not reachable, and the
    messages queued (one per organisation and address)."""

    reminded: list = field(default_factory=list)
    unreachable: list = field(default_factory=list)
    messages: int = 0
    addresses: int = 0


def reminder_text(pot, organisation, link=""):
    """(subject, body) of a reminder, in Swedish whatever the sender's language."""
    with translation.override("sv"):
        subject = _("Påminnelse: redovisning av stimulansmedel %(year)s") % {
            "year": pot.agreement.year
        }
        body = _(
            "Hej!\n\n%(org)s har ännu inte skickat in sin redovisning för ”%(pot)s”. "
            "Sista dag för redovisning är %(deadline)s.\n\nLogga in i Stimulans och "
            "välj Mina redovisningar.\n"
        ) % {
            "org": organisation.name,
            "pot": pot,
            "deadline": deadline_text(deadline_for(pot)) or _("inte fastställd"),
        }
        if link:
            body += "\n" + link + "\n"
    return subject, body


@transaction.atomic
def send_reminders(pot, organisations, user, link=""):
    """Remind each organisation that has not submitted its report for the pot: one e-mail per
    address of its reachable users (`reminder_recipients`), queued in the outbox and sent after
    the transaction commits (`stimulans.mail.outbox`), and a Reminder recording them.
    Organisations with no reachable user get no Reminder and are listed as unreachable.
    `link` (the address of the reporter's page) ends the message. Returns a ReminderRound."""
    from stimulans.mail import outbox

    from .models import Reminder

    done = set(
        Report.objects.filter(
            pot=pot, status__in=(ReportStatus.SUBMITTED, ReportStatus.APPROVED)
        ).values_list("organisation_id", flat=True)
    )
    organisations = [org for org in organisations if org.pk not in done]
    recipients = reminder_recipients(organisations)
    result = ReminderRound()
    messages, reminders = [], []
    for org in organisations:
        to = recipients[org.pk]
        if not to:
            result.unreachable.append(org)
            continue
        subject, body = reminder_text(pot, org, link)
        messages.extend((address, subject, body) for address in to)
        reminders.append(
            Reminder(pot=pot, organisation=org, sent_by=user, recipients=", ".join(to))
        )
        result.reminded.append(org)
    # A few statements for the whole round, whatever the number of organisations.
    mails = iter(outbox.queue(messages))
    reminders = Reminder.objects.bulk_create(reminders)
    Reminder.mails.through.objects.bulk_create(
        Reminder.mails.through(reminder_id=reminder.pk, outgoingmail_id=next(mails).pk)
        for reminder in reminders
        for _address in recipients[reminder.organisation_id]
    )
    result.messages = len(messages)
    addresses = {address.lower() for address, _subject, _body in messages}
    result.addresses = len(addresses)
    return result
