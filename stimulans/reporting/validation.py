"""Validation of a report at submission: every answer against the questionnaire (required,
types, choices, constraints, skip logic) and the cross-checks of the follow-up model.
Drafts are never validated. Messages are Swedish and name the field or the initiative.
Pure functions of the definition, the answers and the report's rows; the submission
(`services.workflow.validate_report`) reads the report and calls them."""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from stimulans.lib.numbers import parse_int, thousands

from . import xlsform


class Issue(str):
    """A problem found in a report: a Swedish message (it is a str) with `field` (the XLSForm
    field name or None) and `initiative` (1-based number of the initiative or None)."""

    def __new__(cls, message, field=None, initiative=None, path=None):
        obj = super().__new__(cls, message)
        obj.field = field
        obj.initiative = initiative
        # The answer's place: "name", or "repeat[n].name" in row n of a repeat (form-check).
        obj.path = path or field
        return obj


def _empty(value):
    return value is None or value == "" or value == [] or value == ()


def _check_value(node, value, lookup):
    """Problems with one answer, as message fragments (without the field's name)."""
    kind = node.get("type")
    if _empty(value):
        if xlsform.is_required(node, lookup):
            return [_("svar saknas")]
        return []
    if kind == "integer":
        try:
            parse_int(value)
        except (TypeError, ValueError):
            return [_("ange ett heltal, t.ex. 1200000")]
    elif kind == "decimal":
        try:
            Decimal(str(value).replace(",", ".").replace(" ", "").replace("\u00a0", ""))
        except InvalidOperation:
            return [_("ange ett tal, t.ex. 12,5")]
    elif kind == "range":
        problem = _range_problem(node, value)
        if problem:
            return [problem]
    elif kind in ("date", "time", "dateTime"):
        problem = _moment_problem(kind, value)
        if problem:
            return [problem]
    elif kind == "acknowledge":
        if str(value) != "OK":
            return [_("bekräfta genom att kryssa i rutan")]
    elif kind == "select one":
        names = {c for c, _label in xlsform.choices(node, lookup)}
        if str(value) not in names:
            return [_("välj ett av alternativen")]
    elif kind == "select all that apply":
        names = {c for c, _label in xlsform.choices(node, lookup)}
        picked = value if isinstance(value, list | tuple) else str(value).split()
        if any(p not in names for p in picked):
            return [_("välj bland alternativen")]
    constraint = (node.get("bind") or {}).get("constraint")
    current = xlsform.typed_value(kind, value)
    if constraint and not xlsform.is_true(constraint, lookup, current=current):
        message = (node.get("bind") or {}).get("jr:constraintMsg") or _("svaret är inte tillåtet")
        return [xlsform.with_answers(xlsform.translated(message), lookup)]
    return []


def _number(value):
    try:
        return Decimal(str(value).replace(",", ".").replace(" ", "").replace("\u00a0", ""))
    except InvalidOperation:
        return None


def _range_problem(node, value):
    """A range answer: a number from start to end (ODK's defaults 1 and 10), on the step."""
    number = _number(value)
    if number is None or not number.is_finite():
        return _("ange ett tal, t.ex. 12,5")
    parameters = node.get("parameters") or {}
    start, end = _number(parameters.get("start", 1)), _number(parameters.get("end", 10))
    step = _number(parameters.get("step", 1))
    if start is None or end is None:
        return None
    low, high = min(start, end), max(start, end)
    if not low <= number <= high:
        return _("ange ett tal från %(low)s till %(high)s") % {"low": low, "high": high}
    if step and (number - start) % step != 0:
        return _("ange ett tal i steg om %(step)s från %(start)s") % {
            "step": step,
            "start": start,
        }
    return None


def _moment_problem(kind, value):
    text = str(value).strip()
    try:
        if kind == "date":
            datetime.date.fromisoformat(text)
        elif kind == "time":
            datetime.time.fromisoformat(text)
        else:
            datetime.datetime.fromisoformat(text)
    except ValueError:
        if kind == "date":
            return _("ange ett datum som ÅÅÅÅ-MM-DD")
        if kind == "time":
            return _("ange en tid som TT:MM")
        return _("ange datum och tid som ÅÅÅÅ-MM-DD TT:MM")
    return None


def _is_relevant(node, ancestors, lookup):
    return all(
        xlsform.is_true(expr, lookup) for expr in xlsform.relevant_expressions(node, ancestors)
    )


def irrelevant_fields(definition, values):
    """Answered fields whose skip logic now hides them, as a save_draft dict that clears them
    (ODK's rule: answers to questions that are not relevant are not kept)."""
    clear = {}
    top_lookup = xlsform.Answers(definition, values)
    for node, ancestors, repeat in xlsform.walk_fields(definition):
        if repeat is None and xlsform.is_answerable(node):
            name = node["name"]
            if not _empty(values.get(name)) and not _is_relevant(node, ancestors, top_lookup):
                clear[name] = ""
    for repeat_name in xlsform.repeats(definition):
        rows = values.get(repeat_name) or []
        changed = False
        new_rows = []
        for index, row in enumerate(rows):
            row = dict(row)
            lookup = top_lookup.row(repeat_name, row, index)
            for node, ancestors, repeat in xlsform.walk_fields(definition):
                if repeat != repeat_name or not xlsform.is_answerable(node):
                    continue
                name = node["name"]
                if not _empty(row.get(name)) and not _is_relevant(node, ancestors, lookup):
                    row[name] = ""
                    changed = True
            new_rows.append(row)
        if changed:
            clear[repeat_name] = new_rows
    return clear


def _check_repeat_count(node, rows, lookup):
    """A repeat with `repeat_count` has that many rows (ODK makes exactly so many)."""
    expr = (node.get("control") or {}).get("jr:count")
    if expr in (None, ""):
        return []
    try:
        wanted = xlsform.as_number(xlsform.evaluate(str(expr), lookup))
    except xlsform.ExpressionError:
        return []
    if wanted != wanted or wanted < 0 or int(wanted) == len(rows):
        return []
    return [
        Issue(
            _("”%(label)s”: ange %(n)s rader (nu %(rows)s)")
            % {"label": xlsform.label(node), "n": int(wanted), "rows": len(rows)},
            field=node["name"],
        )
    ]


def check_answers(definition, values):
    """What `form-check --answers` reports: the answered questions that skip logic hides
    ({"irrelevant": [name]}, "repeat[n].name" in a repeat's row n) and the first problem of
    each relevant answer ({"errors": {name: message}}), by the same rules as a submission."""
    cleared = irrelevant_fields(definition, values)
    irrelevant = []
    for name, value in cleared.items():
        if isinstance(value, list):
            before = values.get(name) or []
            for number, (old, new) in enumerate(zip(before, value, strict=False), start=1):
                irrelevant += [f"{name}[{number}].{k}" for k in new if new[k] != old.get(k)]
        else:
            irrelevant.append(name)
    errors = {}
    for issue in validate_answers(definition, values):
        errors.setdefault(issue.path, str(issue))
    return {"irrelevant": irrelevant, "errors": errors}


def initiative_name(number, row):
    title = (row.get("title") or "").strip()
    if title:
        return _("Insats %(n)s (”%(title)s”)") % {"n": number, "title": title}
    return _("Insats %(n)s") % {"n": number}


def validate_answers(definition, values):
    """Check every relevant answer against the questionnaire. `values` as services.report_values
    returns them. Returns a list of Issue."""
    issues = []
    top_lookup = xlsform.Answers(definition, values)
    for node, ancestors, repeat in xlsform.walk_fields(definition):
        if not xlsform.is_answerable(node) or repeat is not None:
            continue
        if not _is_relevant(node, ancestors, top_lookup):
            continue
        name = node["name"]
        for problem in _check_value(node, values.get(name), top_lookup):
            issues.append(
                Issue(
                    _("”%(label)s”: %(problem)s")
                    % {"label": xlsform.label(node), "problem": problem},
                    field=name,
                )
            )
    for repeat_name, repeat_node in xlsform.repeats(definition).items():
        rows = values.get(repeat_name) or []
        issues += _check_repeat_count(repeat_node, rows, top_lookup)
        for number, row in enumerate(rows, start=1):
            lookup = top_lookup.row(repeat_name, row, number - 1)
            if repeat_name == xlsform.INITIATIVES:
                where = initiative_name(number, row)
            else:
                where = _("%(repeat)s, rad %(n)s") % {
                    "repeat": xlsform.label(repeat_node),
                    "n": number,
                }
            for node, ancestors, repeat in xlsform.walk_fields(definition):
                if repeat != repeat_name or not xlsform.is_answerable(node):
                    continue
                if not _is_relevant(node, ancestors, lookup):
                    continue
                name = node["name"]
                for problem in _check_value(node, row.get(name), lookup):
                    issues.append(
                        Issue(
                            _("%(initiative)s, ”%(label)s”: %(problem)s")
                            % {
                                "initiative": where,
                                "label": xlsform.label(node),
                                "problem": problem,
                            },
                            field=name,
                            initiative=number if repeat_name == xlsform.INITIATIVES else None,
                            path=f"{repeat_name}[{number}].{name}",
                        )
                    )
    return issues


def check_initiative_funds(report, initiatives):
    """The funds used per initiative (within the agreement) add up to no more than the funds
    reported as used. Initiatives paid by other money are left out of the sum."""
    total = sum(i.funds_sek or 0 for i in initiatives if i.within_agreement)
    used = report.funds_used_sek
    if used is not None and total > used:
        return [
            Issue(
                _(
                    "Insatsernas använda medel är sammanlagt %(total)s kr, mer än de %(used)s kr "
                    "som redovisas som använda. Rätta beloppen per insats eller de använda medlen."
                )
                % {"total": _kr(total), "used": _kr(used)},
                field="funds_used_sek",
            )
        ]
    return []


def check_funds_against_allocation(report, allocated_sek):
    """Funds reported as used are not more than allocated plus carried over, unless explained."""
    used = report.funds_used_sek
    if used is None or allocated_sek is None:
        return []
    available = allocated_sek + (report.funds_carried_over_sek or 0)
    if used > available and not (report.funds_explanation or "").strip():
        return [
            Issue(
                _(
                    "De använda medlen (%(used)s kr) är mer än tilldelade medel plus överförda "
                    "medel (%(available)s kr). Förklara skillnaden i fältet för förklaring av "
                    "medelsanvändningen."
                )
                % {"used": _kr(used), "available": _kr(available)},
                field="funds_explanation",
            )
        ]
    return []


def check_effects_have_goals(initiatives):
    """An effect without a goal is flagged: the chain goals → effects is broken."""
    issues = []
    for number, initiative in enumerate(initiatives, start=1):
        if (initiative.effects or "").strip() and not (initiative.goals or "").strip():
            issues.append(
                Issue(
                    _("%(initiative)s: en effekt är angiven men inget mål. Ange insatsens mål.")
                    % {
                        "initiative": initiative_name(number, {"title": initiative.title}),
                    },
                    field="goals",
                    initiative=number,
                )
            )
    return issues


def check_initiatives_present(report, initiatives):
    if (report.funds_used_sek or 0) > 0 and not initiatives:
        return [
            Issue(
                _("Lägg till minst en insats som de använda medlen har gått till."),
                field=xlsform.INITIATIVES,
            )
        ]
    return []


def _kr(amount):
    return thousands(amount)
