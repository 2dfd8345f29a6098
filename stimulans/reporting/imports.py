"""Imports of earlier years' reports, exported from the old survey tool, in two long formats.

Initiatives (`stimulans import-initiatives FILE`), one row per initiative::

    year,part,org_kind,org_code,initiative,category,activities,goals,outputs,effects,
    effect_level,effect_measured,funds_sek,phase,within_agreement

Measures (`stimulans import-measures FILE`), one row per number::

    year,org_kind,org_code,measure,value

Initiatives may also have the optional columns `title`, `measurement` (how an effect was
measured) and `plan_activity` (the id of the activity of the county's published action plan
that the initiative carries out, as the export writes it; empty = none); when a column is
absent, that field is left as it is.

Files are CSV (UTF-8, comma or semicolon separated, header row) or XLSX (first sheet, header
row). Columns may come in any order; other columns are ignored (so an export can be imported
again).

Rules:
- All-or-nothing: every bad row is reported with its line number and the database is unchanged.
- The report of a row is the organisation's report for the pot of (year, part, org_kind); for a
  measure, the pot of that year and recipient kind that collects the measure. Reports that do
  not exist are created as submitted and imported. A report entered in the product (not
  imported) is never overwritten: such rows are refused.
- Initiatives: the file holds the whole list of initiatives of each report it names; existing
  initiatives are updated in place by identifier, missing ones are created, and initiatives of
  those reports that are not in the file are deleted.
- Measures: values are created or updated; other measures of the report are kept.
- Unchanged objects are not saved, so importing the same file twice changes nothing (no new
  rows, no new history).
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from stimulans.funds.models import Agreement, Pot
from stimulans.lib.errorlist import capped
from stimulans.lib.numbers import parse_count
from stimulans.lib.text import clean_text, is_digits, value_text
from stimulans.lib.uploads import check_zip
from stimulans.organisations.models import Organisation, OrganisationKind

from .models import EffectLevel, Initiative, MeasureValue, Phase, Report, ReportStatus
from .services import plan_activities

# The plan's activity model, reached through the foreign key (reporting imports no plans).
Activity = Initiative._meta.get_field("plan_activity").related_model

INITIATIVE_COLUMNS = [
    "year",
    "part",
    "org_kind",
    "org_code",
    "initiative",
    "category",
    "activities",
    "goals",
    "outputs",
    "effects",
    "effect_level",
    "effect_measured",
    "funds_sek",
    "phase",
    "within_agreement",
]
OPTIONAL_INITIATIVE_COLUMNS = ["title", "measurement"]
PLAN_ACTIVITY_COLUMN = "plan_activity"
MEASURE_COLUMNS = ["year", "org_kind", "org_code", "measure", "value"]

IDENTIFIER_MAX = Initiative._meta.get_field("identifier").max_length
TITLE_MAX = Initiative._meta.get_field("title").max_length
# Exports prefix cells that a spreadsheet would run as a formula with an apostrophe.
FORMULA_ESCAPE_RE = re.compile(r"^'(?=[=+\-@\t\r])")
KIND_CODE_LENGTH = {
    OrganisationKind.REGION: 2,
    OrganisationKind.COUNTY: 2,
    OrganisationKind.MUNICIPALITY: 4,
}


class ImportFileError(ValueError):
    """The file was refused; `errors` lists every problem, each naming its line."""

    def __init__(self, errors):
        self.errors = capped(errors)
        super().__init__("\n".join(self.errors))


@dataclass
class ImportResult:
    reports_created: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    reports: set = field(default_factory=set)

    @property
    def changed(self):
        return bool(self.reports_created or self.created or self.updated or self.deleted)

    def summary(self):
        return _(
            "%(reports)d redovisningar (%(new)d nya): %(created)d rader skapade, "
            "%(updated)d ändrade, %(deleted)d borttagna, %(unchanged)d oförändrade."
        ) % {
            "reports": len(self.reports),
            "new": self.reports_created,
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "unchanged": self.unchanged,
        }


# Reading -------------------------------------------------------------------------------------


def _cell_text(value):
    return value_text(value).strip()


def _read_xlsx(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
    except Exception as exc:  # noqa: BLE001 – any failure to read the workbook refuses the file
        raise ImportFileError(
            [_("Filen kunde inte läsas som XLSX: %(err)s") % {"err": exc}]
        ) from exc


def _read_csv(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            [
                _("Filen är inte UTF-8 (rad %(line)d).")
                % {"line": data[: exc.start].count(b"\n") + 1}
            ]
        ) from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        return [
            [c.strip() for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise ImportFileError([_("Filen är inte giltig CSV: %(err)s") % {"err": exc}]) from exc


def read_table(data: bytes, filename=""):
    """Rows of a CSV or XLSX file as lists of stripped strings (XLSX is recognised by content;
    it passes the upload checks against zip bombs first, whether it came from the web or the
    CLI), without the characters XML 1.0 cannot hold (`core.text.clean_text`)."""
    if data[:4] == b"PK\x03\x04":
        try:
            check_zip(io.BytesIO(data), filename or "fil.xlsx")
        except forms.ValidationError as exc:
            raise ImportFileError(exc.messages) from exc
        rows = _read_xlsx(data)
    else:
        rows = _read_csv(data)
    return [[FORMULA_ESCAPE_RE.sub("", clean_text(c).strip()) for c in row] for row in rows]


def _records(data, columns, optional=(), filename=""):
    """[(line_no, {column: value})] for the non-empty rows; checks the header. Optional columns
    are in the dicts only if the header has them."""
    rows = read_table(data, filename)
    if not rows:
        raise ImportFileError([_("Filen är tom.")])
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in columns if c not in header]
    if missing:
        raise ImportFileError(
            [
                _("Rad 1: kolumnerna %(missing)s saknas; rubriken ska vara ”%(header)s”.")
                % {"missing": ", ".join(missing), "header": ",".join(columns)}
            ]
        )
    index = {c: header.index(c) for c in [*columns, *optional] if c in header}
    records = []
    for line_no, row in enumerate(rows[1:], start=2):
        if all(not c for c in row):
            continue
        records.append((line_no, {c: row[i] if i < len(row) else "" for c, i in index.items()}))
    if not records:
        raise ImportFileError([_("Filen har inga rader utöver rubriken.")])
    return records


# Checking ------------------------------------------------------------------------------------


class _Lookups:
    """Agreements, pots and organisations, read once per file."""

    def __init__(self):
        self.organisations = {(o.kind, o.code): o for o in Organisation.objects.all()}
        self.agreements = {a.year: a for a in Agreement.objects.all()}
        self.pots = {}
        self.parts = {}
        self.categories = {}
        self.measures = {}
        self.measure_pots = {}
        for pot in Pot.objects.select_related("part__agreement").prefetch_related(
            "categories", "measures"
        ):
            year = pot.part.agreement.year
            self.parts.setdefault(year, set()).add(pot.part.slug)
            self.pots[(year, pot.part.slug, pot.recipient_kind)] = pot
            self.categories[pot.pk] = {c.slug: c for c in pot.categories.all()}
            for m in pot.measures.all():
                self.measure_pots.setdefault((year, m.code, pot.recipient_kind), pot)
        for agreement in self.agreements.values():
            self.measures[agreement.year] = set(agreement.measures.values_list("code", flat=True))
        self.reports = {
            (r.organisation_id, r.pot_id): r for r in Report.objects.all().only("pk", "imported")
        }
        self.activities = {}

    def plan_activity(self, raw, org, pot, line, errors):
        """The activity named by id, one of the county's published plan for the pot's year
        (the choices of the report form); None for empty, False (with an error) if unknown."""
        if raw == "":
            return None
        key = (org.county_id, pot.pk)
        if key not in self.activities:
            report = Report(organisation=org, pot=pot)
            self.activities[key] = {
                value for value, _label in plan_activities.activity_choices(report)
            }
        if is_digits(raw) and str(int(raw)) in self.activities[key]:
            return Activity(pk=int(raw))
        errors.append(
            _(
                "Rad %(line)d: okänd aktivitet ”%(value)s” i plan_activity; ange id:t för en "
                "aktivitet i länets publicerade handlingsplan för %(year)s."
            )
            % {"line": line, "value": raw, "year": pot.part.agreement.year}
        )
        return False

    def year(self, raw, line, errors):
        if not is_digits(raw) or int(raw) not in self.agreements:
            errors.append(
                _("Rad %(line)d: det finns ingen överenskommelse för år ”%(year)s”.")
                % {"line": line, "year": raw}
            )
            return None
        return int(raw)

    def organisation(self, kind, code, line, errors):
        if kind not in OrganisationKind.values:
            errors.append(
                _(
                    "Rad %(line)d: okänd organisationstyp ”%(kind)s” (region, municipality "
                    "eller county)."
                )
                % {"line": line, "kind": kind}
            )
            return None
        if is_digits(code):
            code = code.zfill(KIND_CODE_LENGTH[kind])
        org = self.organisations.get((kind, code))
        if org is None:
            errors.append(
                _("Rad %(line)d: okänd organisation %(kind)s ”%(code)s”.")
                % {"line": line, "kind": kind, "code": code}
            )
        return org

    def pot(self, year, part, org, line, errors):
        """The pot of (year, part, the organisation's kind), or None (with an error unless
        the year or the organisation was already refused)."""
        if year is None:
            return None
        if part not in self.parts.get(year, set()):
            errors.append(
                _("Rad %(line)d: okänd del ”%(part)s” för %(year)d.")
                % {"line": line, "part": part, "year": year}
            )
            return None
        if org is None:
            return None
        pot = self.pots.get((year, part, org.kind))
        if pot is None:
            errors.append(
                _("Rad %(line)d: delen ”%(part)s” %(year)d har inga medel för %(kind)s.")
                % {
                    "line": line,
                    "part": part,
                    "year": year,
                    "kind": org.get_kind_display().lower(),
                }
            )
        return pot

    def check_report(self, org, pot, line, errors):
        report = self.reports.get((org.pk, pot.pk))
        if report is not None and not report.imported:
            errors.append(
                _(
                    "Rad %(line)d: %(org)s har redan en redovisning för %(pot)s som är gjord "
                    "i Stimulans; den skrivs inte över av en import."
                )
                % {"line": line, "org": org, "pot": pot_name(pot)}
            )
            return False
        return True


def pot_name(pot):
    """A short name of a pot for messages: `delen ”barn-unga” 2020 för regioner`."""
    kinds = {
        OrganisationKind.REGION: _("regioner"),
        OrganisationKind.MUNICIPALITY: _("kommuner"),
        OrganisationKind.COUNTY: _("län"),
    }
    return _("delen ”%(part)s” %(year)s för %(kind)s") % {
        "part": pot.part.slug,
        "year": pot.part.agreement.year,
        "kind": kinds.get(pot.recipient_kind, pot.recipient_kind),
    }


def _integer(raw, line, column, errors):
    """An integer ≥ 0 (spaces as thousands separators allowed), None for empty."""
    if not raw.replace(" ", "").replace("\u00a0", ""):
        return None
    number = parse_count(raw)
    if number is None:
        errors.append(
            _("Rad %(line)d: %(column)s ”%(value)s” är inte ett heltal ≥ 0.")
            % {"line": line, "column": column, "value": raw}
        )
        return False
    return number


def _boolean(raw, default, line, column, errors):
    value = raw.lower()
    if value == "":
        return default
    if value in ("true", "false"):
        return value == "true"
    errors.append(
        _("Rad %(line)d: %(column)s ”%(value)s” ska vara true eller false.")
        % {"line": line, "column": column, "value": raw}
    )
    return None


def _choice(raw, choices, line, column, errors):
    if raw == "" or raw in choices.values:
        return raw
    errors.append(
        _("Rad %(line)d: %(column)s ”%(value)s” ska vara tomt eller något av: %(allowed)s.")
        % {"line": line, "column": column, "value": raw, "allowed": ", ".join(choices.values)}
    )
    return None


def parse_initiatives(data: bytes, filename=""):
    """Check an initiatives file. Returns [(line_no, organisation, pot, fields)]; raises
    ImportFileError listing every bad row."""
    records = _records(
        data, INITIATIVE_COLUMNS, [*OPTIONAL_INITIATIVE_COLUMNS, PLAN_ACTIVITY_COLUMN], filename
    )
    look = _Lookups()
    errors, parsed, seen = [], [], {}
    for line, r in records:
        before = len(errors)
        year = look.year(r["year"], line, errors)
        org = look.organisation(r["org_kind"], r["org_code"], line, errors)
        pot = look.pot(year, r["part"], org, line, errors)
        identifier = r["initiative"]
        if not identifier:
            errors.append(_("Rad %(line)d: insatsens id saknas.") % {"line": line})
        elif len(identifier) > IDENTIFIER_MAX:
            errors.append(
                _("Rad %(line)d: insatsens id är längre än %(max)d tecken.")
                % {"line": line, "max": IDENTIFIER_MAX}
            )
        category = None
        if pot is not None and r["category"]:
            category = look.categories[pot.pk].get(r["category"])
            if category is None:
                errors.append(
                    _("Rad %(line)d: okänd kategori ”%(category)s” för %(pot)s.")
                    % {"line": line, "category": r["category"], "pot": pot_name(pot)}
                )
        if len(r.get("title", "")) > TITLE_MAX:
            errors.append(
                _("Rad %(line)d: rubriken är längre än %(max)d tecken.")
                % {"line": line, "max": TITLE_MAX}
            )
        funds = _integer(r["funds_sek"], line, "funds_sek", errors)
        effect_measured = _boolean(r["effect_measured"], False, line, "effect_measured", errors)
        within = _boolean(r["within_agreement"], True, line, "within_agreement", errors)
        effect_level = _choice(r["effect_level"], EffectLevel, line, "effect_level", errors)
        phase = _choice(r["phase"], Phase, line, "phase", errors)
        optional_fk = {}
        if pot is not None and org is not None and PLAN_ACTIVITY_COLUMN in r:
            activity = look.plan_activity(r[PLAN_ACTIVITY_COLUMN], org, pot, line, errors)
            if activity is not False:
                optional_fk = {"plan_activity": activity}
        if pot is not None and org is not None and identifier:
            key = (pot.pk, org.pk, identifier)
            if key in seen:
                errors.append(
                    _(
                        "Rad %(line)d: insatsen ”%(id)s” för %(org)s i %(pot)s finns redan på rad "
                        "%(first)d."
                    )
                    % {
                        "line": line,
                        "id": identifier,
                        "org": org,
                        "pot": pot_name(pot),
                        "first": seen[key],
                    }
                )
            else:
                seen[key] = line
            look.check_report(org, pot, line, errors)
        if len(errors) == before:
            optional = {c: r[c] for c in OPTIONAL_INITIATIVE_COLUMNS if c in r} | optional_fk
            parsed.append(
                (
                    line,
                    org,
                    pot,
                    {
                        **optional,
                        "identifier": identifier,
                        "category": category,
                        "activities": r["activities"],
                        "goals": r["goals"],
                        "outputs": r["outputs"],
                        "effects": r["effects"],
                        "effect_level": effect_level,
                        "effect_measured": effect_measured,
                        "funds_sek": funds,
                        "phase": phase,
                        "within_agreement": within,
                    },
                )
            )
    if errors:
        raise ImportFileError(_unique(errors))
    return parsed


def parse_measures(data: bytes, filename=""):
    """Check a measures file. Returns [(line_no, organisation, pot, code, value)]; raises
    ImportFileError listing every bad row."""
    records = _records(data, MEASURE_COLUMNS, filename=filename)
    look = _Lookups()
    errors, parsed, seen = [], [], {}
    for line, r in records:
        before = len(errors)
        year = look.year(r["year"], line, errors)
        org = look.organisation(r["org_kind"], r["org_code"], line, errors)
        code = r["measure"]
        pot = None
        if year is not None:
            if code not in look.measures.get(year, set()):
                errors.append(
                    _("Rad %(line)d: okänt mått ”%(code)s” för %(year)d.")
                    % {"line": line, "code": code, "year": year}
                )
            elif org is not None:
                pot = look.measure_pots.get((year, code, org.kind))
                if pot is None:
                    errors.append(
                        _("Rad %(line)d: måttet ”%(code)s” samlas inte in från %(kind)s %(year)d.")
                        % {
                            "line": line,
                            "code": code,
                            "kind": org.get_kind_display().lower(),
                            "year": year,
                        }
                    )
        value = _integer(r["value"], line, "value", errors)
        if value is None:
            errors.append(_("Rad %(line)d: värdet saknas.") % {"line": line})
        if year is not None and org is not None and code:
            key = (year, org.pk, code)
            if key in seen:
                errors.append(
                    _(
                        "Rad %(line)d: måttet ”%(code)s” för %(org)s %(year)d finns redan på rad "
                        "%(first)d."
                    )
                    % {"line": line, "code": code, "org": org, "year": year, "first": seen[key]}
                )
            else:
                seen[key] = line
        if pot is not None and org is not None:
            look.check_report(org, pot, line, errors)
        if len(errors) == before:
            parsed.append((line, org, pot, code, value))
    if errors:
        raise ImportFileError(_unique(errors))
    return parsed


def _unique(errors):
    return list(dict.fromkeys(errors))


# Writing -------------------------------------------------------------------------------------


# Rows are written in batches of this many (well under PostgreSQL's 65 535 parameters; SQLite's
# backend picks smaller batches of its own).
BATCH_SIZE = 1000


def _chunks(items, size=BATCH_SIZE):
    items = list(items)
    return [items[i : i + size] for i in range(0, len(items), size)]


# Ids a history statement names at most (under SQLite's 999 parameters, with 4 constants).
HISTORY_BATCH_SIZE = 900


def _write_history(model, pks, history_type, user):
    """A history row for each row `pks` of `model` as the database now holds it, written with
    one `INSERT ... SELECT` a batch instead of a historical model instance a row.

    The rows are those simple_history's `bulk_history_create` writes (as
    `bulk_create_with_history` / `bulk_update_with_history` call it): every tracked column
    copied, `history_type` "+" or "~", the user (or simple_history's default user, e.g. the
    request's), no change reason. One date for the whole write (simple_history takes the
    clock once a row); rows in the order of the ids."""
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True) or not pks:
        return
    history = model.history.model
    if user is None:
        user = history.get_default_history_user(model())
    quote = connection.ops.quote_name
    source = [f.column for f in history.tracked_fields]
    target = [history._meta.get_field(f.name).column for f in history.tracked_fields]
    constants = {
        "history_date": history._meta.get_field("history_date").get_db_prep_save(
            timezone.now(), connection
        ),
        "history_user": None if user is None else user.pk,
        "history_type": history_type,
        "history_change_reason": None,
    }
    target += [history._meta.get_field(name).column for name in constants]
    pk = quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        for chunk in _chunks(sorted(pks), HISTORY_BATCH_SIZE):
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} "
                f"({', '.join(quote(c) for c in target)}) "
                f"SELECT {', '.join(quote(c) for c in source)}, "
                f"{', '.join(['%s'] * len(constants))} "
                f"FROM {quote(model._meta.db_table)} "
                f"WHERE {pk} IN ({', '.join(['%s'] * len(chunk))}) ORDER BY {pk}",
                [*constants.values(), *chunk],
            )


def create_with_history(objs, model, user=None):
    """`bulk_create` `objs` (in batches) with a history row each; the objects, with their ids.
    Same rows as simple_history's `bulk_create_with_history`, cheaper (see `_write_history`)."""
    if not connection.features.can_return_rows_from_bulk_insert:
        return bulk_create_with_history(objs, model, batch_size=BATCH_SIZE, default_user=user)
    objs = model._default_manager.bulk_create(objs, batch_size=BATCH_SIZE)
    _write_history(model, [obj.pk for obj in objs], "+", user)
    return objs


def update_with_history(objs, model, fields, user=None):
    """`bulk_update` `fields` of `objs` (in batches) with a history row each, holding the
    rows as saved. Same rows as simple_history's `bulk_update_with_history` when `fields`
    names every field changed in memory; cheaper (see `_write_history`)."""
    if fields:
        model._default_manager.bulk_update(objs, sorted(fields), batch_size=BATCH_SIZE)
    _write_history(model, [obj.pk for obj in objs], "~", user)


def _reports_for(pairs, user, result):
    """{(organisation pk, pot pk): report} for each (organisation, pot) in `pairs`; the missing
    reports are created, with their history, in bulk as submitted and imported."""
    wanted = {(org.pk, pot.pk): (org, pot) for org, pot in pairs}
    reports = {}
    for chunk in _chunks({org_pk for org_pk, _pot in wanted}):
        for report in Report.objects.filter(
            organisation_id__in=chunk, pot_id__in={pot_pk for _org, pot_pk in wanted}
        ):
            reports[(report.organisation_id, report.pot_id)] = report
    missing = [
        Report(
            organisation=org,
            pot=pot,
            status=ReportStatus.SUBMITTED,
            imported=True,
            submitted_at=timezone.now(),
        )
        for key, (org, pot) in wanted.items()
        if key not in reports
    ]
    if missing:
        for report in create_with_history(missing, Report, user):
            reports[(report.organisation_id, report.pot_id)] = report
        result.reports_created += len(missing)
    result.reports.update(r.pk for key, r in reports.items() if key in wanted)
    return reports


def _report_for(org, pot, user, result):
    return _reports_for([(org, pot)], user, result)[(org.pk, pot.pk)]


def _changes(obj, values):
    """The names in `values` whose value differs from `obj`'s (foreign keys by id, so that
    comparing reads no related row)."""
    changed = []
    for name, value in values.items():
        field = obj._meta.get_field(name)
        if field.is_relation:
            differs = getattr(obj, field.attname) != (None if value is None else value.pk)
        else:
            differs = getattr(obj, name) != value
        if differs:
            changed.append(name)
    return changed


def _write(model, created, updated, fields, user):
    """Create `created` and update `fields` of `updated`, each with a history row, in bulk."""
    if created:
        create_with_history(created, model, user)
    if updated:
        update_with_history(updated, model, fields, user)


@transaction.atomic
def import_initiatives(data: bytes, user=None, filename="") -> ImportResult:
    """Import an initiatives file (CSV or XLSX bytes). All-or-nothing; see the module doc.
    The whole file is checked first, then written in bulk."""
    parsed = parse_initiatives(data, filename)
    result = ImportResult()
    by_report = {}
    for _line, org, pot, values in parsed:
        by_report.setdefault((org, pot), []).append(values)
    reports = _reports_for(by_report, user, result)
    existing = {}
    for chunk in _chunks(r.pk for r in reports.values()):
        for initiative in Initiative.objects.filter(report_id__in=chunk):
            existing[(initiative.report_id, initiative.identifier)] = initiative
    created, updated, fields = [], [], set()
    for (org, pot), rows in by_report.items():
        report = reports[(org.pk, pot.pk)]
        for order, values in enumerate(rows):
            values = {**values, "order": order}
            initiative = existing.pop((report.pk, values["identifier"]), None)
            if initiative is None:
                created.append(Initiative(report=report, **values))
                continue
            changed = _changes(initiative, values)
            if changed:
                for name in changed:
                    setattr(initiative, name, values[name])
                fields.update(changed)
                updated.append(initiative)
            else:
                result.unchanged += 1
    # The initiatives of the file's reports that the file no longer has. Deleted one by one,
    # so that each deletion's history names the user (rare: a corrected file).
    for initiative in existing.values():
        initiative._history_user = user
        initiative.delete()
    _write(Initiative, created, updated, fields, user)
    result.created, result.updated, result.deleted = len(created), len(updated), len(existing)
    return result


@transaction.atomic
def import_measures(data: bytes, user=None, filename="") -> ImportResult:
    """Import a measures file (CSV or XLSX bytes). All-or-nothing; see the module doc.
    The whole file is checked first, then written in bulk."""
    parsed = parse_measures(data, filename)
    result = ImportResult()
    reports = _reports_for([(org, pot) for _line, org, pot, _code, _value in parsed], user, result)
    existing = {}
    for chunk in _chunks(r.pk for r in reports.values()):
        for measure in MeasureValue.objects.filter(report_id__in=chunk):
            existing[(measure.report_id, measure.code)] = measure
    created, updated = [], []
    for _line, org, pot, code, value in parsed:
        report = reports[(org.pk, pot.pk)]
        measure = existing.get((report.pk, code))
        if measure is None:
            created.append(MeasureValue(report=report, code=code, value=value))
        elif measure.value != value:
            measure.value = value
            updated.append(measure)
        else:
            result.unchanged += 1
    _write(MeasureValue, created, updated, {"value"}, user)
    result.created, result.updated = len(created), len(updated)
    return result
