"""Checking a plan file: `read_plan_data(data, lines)` validates the loaded YAML and returns a
description of the plan to create, or raises PlanImportError with every problem found, each
naming line and field (`line_map` gives the lines). Reads the database (counties, pots),
writes nothing."""

import datetime
from decimal import Decimal

import yaml
from django.utils.translation import gettext as _

from stimulans.funds.models import Pot
from stimulans.organisations.models import County

from .models import (
    ActivityKind,
    ActivityStatus,
    Actor,
    AdoptedBy,
    OrganisationKind,
    ParticipationMode,
    PlanScope,
)
from .yaml_format import (
    KIND_FROM_FILE,
    KIND_TO_FILE,
    PLAN_KEYS,
    TERM_KEYS,
    TOP_LEVEL_KEYS,
    Loader,
    PlanImportError,
    pot_ref,
)


def line_map(text):
    """{path tuple: line number} for every key and list item of the YAML text."""
    lines = {}

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                sub = (*path, str(key.value))
                lines[sub] = key.start_mark.line + 1
                walk(value, sub)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                sub = (*path, i)
                lines[sub] = item.start_mark.line + 1
                walk(item, sub)

    root = yaml.compose(text, Loader=Loader)
    if root is not None:
        walk(root, ())
    return lines


def _path_label(path):
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Reader:
    """Collects errors naming line and field while reading the data."""

    def __init__(self, lines):
        self.lines = lines
        self.errors = []

    def error(self, path, message):
        line = None
        for n in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:n]))
            if line:
                break
        where = _path_label(path)
        if line:
            self.errors.append(
                _("Rad %(line)s, %(field)s: %(message)s")
                % {"line": line, "field": where, "message": message}
            )
        else:
            self.errors.append(
                _("%(field)s: %(message)s") % {"field": where or "plan", "message": message}
            )

    def mapping(self, value, path, required=True):
        if value is None and not required:
            return {}
        if not isinstance(value, dict):
            self.error(path, _("ska vara en samling av nycklar och värden."))
            return {}
        return value

    def items(self, data, key, path):
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error((*path, key), _("ska vara en lista."))
            return []
        return value

    def text(self, data, key, path, required=False, max_length=None):
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.error((*path, key), _("saknas."))
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error((*path, key), _("ska vara en text."))
            return ""
        value = str(value).strip()
        if max_length and len(value) > max_length:
            self.error((*path, key), _("får vara högst %(n)d tecken.") % {"n": max_length})
        return value

    def texts(self, data, key, path):
        out = []
        for i, item in enumerate(self.items(data, key, path)):
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.error((*path, key, i), _("ska vara en text."))
            else:
                out.append(str(item).strip())
        return out

    def integer(self, data, key, path, required=False, minimum=0):
        value = data.get(key)
        if value is None:
            if required:
                self.error((*path, key), _("saknas."))
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.error((*path, key), _("ska vara ett heltal ≥ %(min)d.") % {"min": minimum})
            return None
        return value

    def boolean(self, data, key, path):
        value = data.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.error((*path, key), _("ska vara true eller false."))
            return False
        return value

    def date(self, data, key, path):
        value = data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            self.error((*path, key), _("ska vara ett datum ÅÅÅÅ-MM-DD."))
            return None

    def choice(self, data, key, path, choices, required=False):
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.error((*path, key), _("saknas."))
            return ""
        if value not in choices:
            self.error(
                (*path, key),
                _("okänt värde ”%(value)s” (tillåtna: %(allowed)s).")
                % {"value": value, "allowed": ", ".join(choices)},
            )
            return ""
        return value


def _read_activity(r, raw, path, goal_refs, pots, numbers, kinds):
    a = r.mapping(raw, path)
    kind = r.choice(a, "kind", path, kinds, required=True)
    number = r.integer(a, "no", path, required=True, minimum=1)
    if kind and number:
        if (kind, number) in numbers:
            r.error(
                (*path, "no"),
                _("%(kind)s %(no)d finns redan i området.")
                % {
                    "kind": kind,
                    "no": number,
                },
            )
        numbers.add((kind, number))
    goals = []
    for i, ref in enumerate(r.texts(a, "goals", path)):
        if ref in goal_refs:
            goals.append(goal_refs[ref])
        else:
            r.error(
                (*path, "goals", i),
                _("målet ”%(ref)s” finns inte i området (ange t.ex. long-1 eller short-2).")
                % {"ref": ref},
            )
    funds = []
    fund_pots = set()
    for i, raw_fund in enumerate(r.items(a, "funds", path)):
        fpath = (*path, "funds", i)
        f = r.mapping(raw_fund, fpath)
        ref = r.text(f, "pot", fpath, required=True)
        amount = r.integer(f, "amount_sek", fpath)
        if ref and ref not in pots:
            r.error(
                (*fpath, "pot"),
                _("potten ”%(ref)s” finns inte (ange år/del/mottagartyp).") % {"ref": ref},
            )
        elif ref in fund_pots:
            r.error((*fpath, "pot"), _("potten ”%(ref)s” anges två gånger.") % {"ref": ref})
        elif ref:
            fund_pots.add(ref)
            funds.append((pots[ref], amount))
    starts = r.date(a, "starts", path)
    ends = r.date(a, "ends", path)
    if starts and ends and ends < starts:
        r.error((*path, "ends"), _("slutdatum före startdatum."))
    return {
        "fields": {
            "kind": KIND_FROM_FILE.get(kind, ""),
            "number": number,
            "title": r.text(a, "title", path, required=True, max_length=500),
            "description": r.text(a, "description", path),
            "subtasks": r.texts(a, "subtasks", path),
            "partners": r.texts(a, "partners", path),
            "target_groups": r.texts(a, "target_groups", path),
            "starts": starts,
            "ends": ends,
            "conditional": r.boolean(a, "conditional", path),
            "status": r.choice(a, "status", path, ActivityStatus.values) or ActivityStatus.PLANNED,
            "indicator_codes": r.texts(a, "indicators", path),
            "child_participation": r.text(a, "child_participation", path),
            "actor": r.choice(a, "actor", path, Actor.values),
        },
        "goals": goals,
        "funds": funds,
    }


GOAL_KEYS = ("text", "indicator", "target_percent")


def _read_goal(r, item, path):
    """A goal: its text, or {text, indicator, target_percent} for a measurable goal (the
    indicator's code and the share in per cent, 0–100 with at most one decimal, that it should
    reach in the plan's year)."""
    if not isinstance(item, dict):
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            r.error(path, _("ska vara en text eller {text, indicator, target_percent}."))
            return {"text": ""}
        return {"text": str(item).strip()}
    _unknown_keys(r, item, path, GOAL_KEYS)
    goal = {
        "text": r.text(item, "text", path, required=True),
        "indicator_code": r.text(item, "indicator", path, max_length=100),
        "target_percent": None,
    }
    value = item.get("target_percent")
    if value is not None:
        target = None
        if not isinstance(value, bool) and isinstance(value, int | float):
            target = Decimal(str(value))
        if target is None or not 0 <= target <= 100 or target != round(target, 1):
            r.error(
                (*path, "target_percent"),
                _("ska vara ett tal mellan 0 och 100 med högst en decimal."),
            )
        elif not goal["indicator_code"]:
            r.error((*path, "indicator"), _("saknas: ange indikatorn som målvärdet gäller."))
        else:
            goal["target_percent"] = target
    return goal


def _read_area(r, raw, path, pots, kinds):
    a = r.mapping(raw, path)
    area = {
        "title": r.text(a, "title", path, required=True, max_length=300),
        "code": r.text(a, "code", path, max_length=10),
        "goals": [],
        "activities": [],
        "subareas": [],
    }
    refs = {}
    for term, key in TERM_KEYS.items():
        for i, item in enumerate(r.items(a, key, path)):
            goal = {"term": term, "order": i, **_read_goal(r, item, (*path, key, i))}
            area["goals"].append(goal)
            refs[f"{term}-{i + 1}"] = goal
    numbers = set()
    for i, raw_act in enumerate(r.items(a, "activities", path)):
        area["activities"].append(
            _read_activity(r, raw_act, (*path, "activities", i), refs, pots, numbers, kinds)
        )
    for i, raw_sub in enumerate(r.items(a, "subareas", path)):
        area["subareas"].append(_read_area(r, raw_sub, (*path, "subareas", i), pots, kinds))
    return area


def _unknown_keys(r, mapping, path, known):
    for key in mapping:
        if str(key) not in known:
            r.error(
                (*path, str(key)),
                _("okänd nyckel ”%(key)s”; här kan stå %(known)s.")
                % {"key": key, "known": ", ".join(known)},
            )


def read_plan_data(data, lines=None):
    """Validate the dict and return a description of the plan to create. Raises
    PlanImportError with every problem found."""
    r = _Reader(lines or {})
    root = r.mapping(data, ())
    _unknown_keys(r, root, (), TOP_LEVEL_KEYS)
    p = r.mapping(root.get("plan"), ("plan",))
    path = ("plan",)
    _unknown_keys(r, p, path, PLAN_KEYS)
    if not p and not r.errors:
        r.error(path, _("saknas."))
    scope = r.choice(p, "scope", path, PlanScope.values) or PlanScope.COUNTY
    county = None
    if scope == PlanScope.COUNTY:
        code = r.text(p, "county_code", path, required=True)
        if code:
            county = County.objects.filter(code=code.zfill(2)).first()
            if county is None:
                r.error((*path, "county_code"), _("länet ”%(code)s” finns inte.") % {"code": code})
    year = r.integer(p, "year", path, required=True, minimum=2000)
    version = r.integer(p, "version", path, minimum=1)
    previous = []
    for i, raw in enumerate(r.items(p, "previous_versions", path)):
        d = r.mapping(raw, (*path, "previous_versions", i))
        ppath = (*path, "previous_versions", i)
        previous.append({"year": r.integer(d, "year", ppath), "title": r.text(d, "title", ppath)})
    adoption = r.mapping(p.get("adoption"), (*path, "adoption"), required=False)
    apath = (*path, "adoption")
    org = r.mapping(p.get("organisation"), (*path, "organisation"), required=False)
    opath = (*path, "organisation")
    members = []
    for i, raw in enumerate(r.items(org, "steering_group", opath)):
        mpath = (*opath, "steering_group", i)
        if isinstance(raw, str):
            members.append({"name": raw.strip(), "role": "", "order": i})
        else:
            m = r.mapping(raw, mpath)
            members.append(
                {
                    "name": r.text(m, "name", mpath, required=True, max_length=300),
                    "role": r.text(m, "role", mpath, max_length=200),
                    "order": i,
                }
            )
    sections = []
    for i, raw in enumerate(r.items(p, "needs_analysis", path)):
        spath = (*path, "needs_analysis", i)
        s = r.mapping(raw, spath)
        sections.append(
            {
                "title": r.text(s, "title", spath, required=True, max_length=300),
                "body": r.text(s, "body", spath),
                "order": i,
            }
        )
    decisions = []
    for i, raw in enumerate(r.items(p, "decisions", path)):
        dpath = (*path, "decisions", i)
        d = r.mapping(raw, dpath)
        decided_on = r.date(d, "date", dpath)
        if decided_on is None and "date" not in d:
            r.error((*dpath, "date"), _("saknas."))
        decisions.append(
            {
                "decided_on": decided_on,
                "body": r.text(d, "body", dpath, max_length=200) or "Styrgruppen",
                "text": r.text(d, "text", dpath, required=True),
            }
        )
    participation = []
    names = set()
    for i, raw in enumerate(r.items(p, "participation", path)):
        ppath = (*path, "participation", i)
        x = r.mapping(raw, ppath)
        name = r.text(x, "organisation", ppath, required=True, max_length=200)
        if name in names:
            r.error((*ppath, "organisation"), _("organisationen anges två gånger."))
        names.add(name)
        participation.append(
            {
                "organisation": name,
                "kind": r.choice(x, "kind", ppath, OrganisationKind.values, required=True),
                "mode": r.choice(x, "mode", ppath, ParticipationMode.values, required=True),
                "note": r.text(x, "note", ppath),
            }
        )
    pots = {pot_ref(pot): pot for pot in Pot.objects.select_related("part__agreement")}
    kinds = [KIND_TO_FILE[k] for k in ActivityKind.for_scope(scope)]
    areas = [
        _read_area(r, raw, (*path, "areas", i), pots, kinds)
        for i, raw in enumerate(r.items(p, "areas", path))
    ]
    plan = {
        "scope": scope,
        "county": county,
        "year": year,
        "version": version,
        "fields": {
            "title": r.text(p, "title", path, max_length=300),
            "purpose": r.text(p, "purpose", path),
            "overall_goals": r.texts(p, "overall_goals", path),
            "previous_documents": previous,
            "requires_child_participation": r.boolean(p, "requires_child_participation", path),
            "adopted_by": r.choice(adoption, "adopted_by", apath, AdoptedBy.values),
            "adopted_on": r.date(adoption, "adopted_on", apath),
            "political_anchor": r.text(org, "political_anchor", opath),
            "secretariat": r.text(org, "secretariat", opath),
            "network": r.text(org, "network", opath),
        },
        "members": members,
        "sections": sections,
        "decisions": decisions,
        "participation": participation,
        "areas": areas,
    }
    if r.errors:
        raise PlanImportError(r.errors)
    return plan
