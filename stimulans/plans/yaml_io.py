"""Import and export of a plan as YAML in the shape of `data/stockholm-plan-2021.yaml`.

`plan_to_data(plan)` gives the canonical dict (also used by the diff); `import_plan_text(text)`
creates or replaces a draft from a file, all-or-nothing, with errors naming line and field.

The shape (keys beyond the reference file are optional):

    plan:
      scope: county | national          # default county
      county_code: "01"                  # county plans only
      year: 2021
      version: 4                         # default: the next version number
      title, purpose, overall_goals: [...], previous_versions: [{year, title}]
      requires_child_participation: true
      adoption: {adopted_by: senior_officials | junior_officials | politicians, adopted_on}
      organisation: {steering_group: [name | {name, role}], political_anchor, secretariat,
                     network}
      needs_analysis: [{title, body, attachments: [names]}]   # attachments: names only
      decisions: [{date, body, text}]
      participation: [{organisation, kind: user|patient|relative|umbrella,
                       mode: revision|commented, note}]
      areas:
        - title, code, long_term_goals: [...], short_term_goals: [...], subareas: [...]
          activities:
            - kind: prioriterad | löpande, no, title, description, subtasks, partners,
              target_groups, starts, ends, conditional, status, goals: [long-1, short-2],
              indicators: [codes], child_participation, actor,
              funds: [{pot: "2020/<part slug>/<recipient kind>", amount_sek}]
"""

import datetime
import re

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from stimulans.funds.models import Pot
from stimulans.lib.errorlist import capped
from stimulans.lib.safe_yaml import LimitedSafeLoader, TooLarge
from stimulans.lib.text import clean_data, clean_text
from stimulans.organisations.models import County

from .models import (
    ActionPlan,
    Activity,
    ActivityFund,
    ActivityKind,
    ActivityStatus,
    Actor,
    AdoptedBy,
    Area,
    Decision,
    Goal,
    GoalTerm,
    NeedsSection,
    OrganisationKind,
    Participation,
    ParticipationMode,
    PlanScope,
    PlanStatus,
    SteeringMember,
)
from .services import next_version_number

KIND_TO_FILE = {
    ActivityKind.PRIORITISED: "prioriterad",
    ActivityKind.ONGOING: "löpande",
    ActivityKind.INITIATIVE: "initiativ",
    ActivityKind.COMMITMENT: "åtagande",
}
KIND_FROM_FILE = {v: k for k, v in KIND_TO_FILE.items()}
TERM_KEYS = {GoalTerm.LONG: "long_term_goals", GoalTerm.SHORT: "short_term_goals"}


class PlanImportError(ValueError):
    def __init__(self, errors):
        self.errors = capped(errors)
        super().__init__("\n".join(self.errors))


# -- Export ------------------------------------------------------------------------------------


def pot_ref(pot):
    return f"{pot.part.agreement.year}/{pot.part.slug}/{pot.recipient_kind}"


def _date(value):
    return value.isoformat() if value else None


def _activity_data(act, goal_refs):
    d = {"kind": KIND_TO_FILE[act.kind], "no": act.number, "title": act.title}
    optional = [
        ("description", act.description),
        ("subtasks", list(act.subtasks)),
        ("partners", list(act.partners)),
        ("target_groups", list(act.target_groups)),
        ("starts", _date(act.starts)),
        ("ends", _date(act.ends)),
        ("conditional", act.conditional),
        ("status", act.status if act.status != ActivityStatus.PLANNED else None),
        ("goals", sorted(goal_refs[g.pk] for g in act.goals.all())),
        ("indicators", list(act.indicator_codes)),
        ("child_participation", act.child_participation),
        ("actor", act.actor),
        (
            "funds",
            [
                {"pot": pot_ref(f.pot), "amount_sek": f.amount_sek}
                for f in sorted(act.funds.all(), key=lambda f: pot_ref(f.pot))
            ],
        ),
    ]
    d.update({k: v for k, v in optional if v})
    return d


def _area_data(area, children, goals_by_area, activities_by_area, goal_refs):
    d = {"title": area.title}
    if area.code:
        d["code"] = area.code
    subs = children.get(area.pk, [])
    if subs:
        d["subareas"] = [
            _area_data(s, children, goals_by_area, activities_by_area, goal_refs) for s in subs
        ]
    for term, key in TERM_KEYS.items():
        texts = [g.text for g in goals_by_area.get(area.pk, []) if g.term == term]
        if texts:
            d[key] = texts
    acts = activities_by_area.get(area.pk, [])
    if acts:
        d["activities"] = [_activity_data(a, goal_refs) for a in acts]
    return d


def plan_to_data(plan):
    """The plan as a dict in the shape of the reference file (no database ids)."""
    p = {"scope": plan.scope}
    if plan.scope == PlanScope.COUNTY:
        p["county_code"] = plan.county.code
    p.update(year=plan.year, version=plan.version, status=plan.status)
    if plan.title:
        p["title"] = plan.title
    if plan.purpose:
        p["purpose"] = plan.purpose
    if plan.overall_goals:
        p["overall_goals"] = list(plan.overall_goals)
    if plan.previous_documents:
        p["previous_versions"] = [dict(d) for d in plan.previous_documents]
    if plan.requires_child_participation:
        p["requires_child_participation"] = True
    if plan.adopted_by or plan.adopted_on:
        p["adoption"] = {"adopted_by": plan.adopted_by, "adopted_on": _date(plan.adopted_on)}
    organisation = {}
    members = list(plan.steering_group.all())
    if members:
        organisation["steering_group"] = [
            {"name": m.name, "role": m.role} if m.role else m.name for m in members
        ]
    for field in ("political_anchor", "secretariat", "network"):
        if getattr(plan, field):
            organisation[field] = getattr(plan, field)
    if organisation:
        p["organisation"] = organisation
    sections = []
    for s in plan.sections.prefetch_related("attachments"):
        sd = {"title": s.title, "body": s.body}
        names = [a.name for a in s.attachments.all()]
        if names:
            sd["attachments"] = names
        sections.append(sd)
    if sections:
        p["needs_analysis"] = sections
    decisions = [
        {"date": _date(d.decided_on), "body": d.body, "text": d.text} for d in plan.decisions.all()
    ]
    if decisions:
        p["decisions"] = decisions
    participation = []
    for x in plan.participations.all():
        pd = {"organisation": x.organisation, "kind": x.kind, "mode": x.mode}
        if x.note:
            pd["note"] = x.note
        participation.append(pd)
    if participation:
        p["participation"] = participation

    areas = list(plan.areas.all())
    children = {}
    for a in areas:
        children.setdefault(a.parent_id, []).append(a)
    goals = list(plan.goals.order_by("area", "term", "order", "pk"))
    goals_by_area, goal_refs, seen = {}, {}, {}
    for g in goals:
        goals_by_area.setdefault(g.area_id, []).append(g)
        n = seen[(g.area_id, g.term)] = seen.get((g.area_id, g.term), 0) + 1
        goal_refs[g.pk] = f"{g.term}-{n}"
    activities_by_area = {}
    for act in plan.activities.prefetch_related("goals", "funds__pot__part__agreement").order_by(
        "kind", "number"
    ):
        activities_by_area.setdefault(act.area_id, []).append(act)
    # Within an area, prioritised activities first, as in the reference file.
    for acts in activities_by_area.values():
        acts.sort(key=lambda a: (ActivityKind.order(a.kind), a.number))
    p["areas"] = [
        _area_data(a, children, goals_by_area, activities_by_area, goal_refs)
        for a in children.get(None, [])
    ]
    return {"plan": p}


def _yaml_12_booleans(cls):
    """Only true/false are booleans (YAML 1.2), so the reference file's `no:` key (the
    activity's number) stays the string "no" instead of YAML 1.1's False."""
    cls.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in cls.yaml_implicit_resolvers.items()
    }
    cls.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )
    return cls


# A plan file is a few kilobytes (Stockholm's 2021 plan: 7 kB); refuse files beyond this.
MAX_PLAN_BYTES = 1024 * 1024
TOP_LEVEL_KEYS = ("plan",)
PLAN_KEYS = (
    "scope",
    "county_code",
    "year",
    "version",
    "status",  # written by the export, ignored by the import
    "title",
    "purpose",
    "overall_goals",
    "previous_versions",
    "requires_child_participation",
    "adoption",
    "organisation",
    "needs_analysis",
    "decisions",
    "participation",
    "areas",
)


class _Refused(yaml.YAMLError):
    """A file the loader refuses before building anything: `message` names the line."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@_yaml_12_booleans
class Loader(LimitedSafeLoader):
    """A SafeLoader without aliases: `*name` can make a few hundred bytes expand to gigabytes
    ("billion laughs"), and a plan never needs one. Refused while composing, before any value
    is built; LimitedSafeLoader refuses nesting deeper than a plan needs."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                _(
                    "Rad %(line)s: filen hänvisar till ett värde på ett annat ställe "
                    "(*%(name)s). Sådana hänvisningar tillåts inte; skriv ut värdet där det "
                    "ska stå."
                )
                % {"line": event.start_mark.line + 1, "name": event.anchor}
            )
        return super().compose_node(parent, index)


@_yaml_12_booleans
class _Dumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper, data):
    data = str(data)  # also the TextChoices of the models
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_presenter)
_Dumper.add_multi_representer(str, _str_presenter)


def export_yaml(plan):
    header = (
        f"# {plan.owner_name}: {plan.title or _('handlingsplan')} {plan.year}, "
        f"version {plan.version} ({plan.get_status_display()}). Exporterad från Stimulans.\n"
    )
    body = yaml.dump(
        plan_to_data(plan), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )
    return header + body


# -- Import ------------------------------------------------------------------------------------


def _line_map(text):
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
        for i, text in enumerate(r.texts(a, key, path)):
            goal = {"term": term, "text": text, "order": i}
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


def _create_area(plan, area, parent, order):
    obj = Area.objects.create(
        plan=plan, parent=parent, code=area["code"], title=area["title"], order=order
    )
    for goal in area["goals"]:
        goal["obj"] = Goal.objects.create(
            plan=plan, area=obj, term=goal["term"], text=goal["text"], order=goal["order"]
        )
    for act in area["activities"]:
        a = Activity.objects.create(plan=plan, area=obj, **act["fields"])
        a.goals.set([g["obj"] for g in act["goals"]])
        for pot, amount in act["funds"]:
            ActivityFund.objects.create(activity=a, pot=pot, amount_sek=amount)
    return obj


def _create_areas(plan, areas, parent=None, counter=None):
    counter = counter if counter is not None else [0]
    for area in areas:
        obj = _create_area(plan, area, parent, counter[0])
        counter[0] += 1
        _create_areas(plan, area["subareas"], obj, counter)


@transaction.atomic
def import_plan_data(data, lines=None):
    """Create the plan described by `data` as a draft, or replace the contents of the existing
    draft with the same county, year and version. All-or-nothing. Returns the plan."""
    desc = read_plan_data(data, lines)
    scope, county, year = desc["scope"], desc["county"], desc["year"]
    existing = ActionPlan.objects.filter(scope=scope, county=county, year=year)
    version = desc["version"]
    target = None
    if version is not None:
        target = existing.filter(version=version).first()
        if (
            target is None
            and ActionPlan.objects.filter(scope=scope, county=county, version=version).exists()
        ):
            raise PlanImportError(
                [_("Version %(version)s finns redan för ett annat år.") % {"version": version}]
            )
    draft = existing.filter(status=PlanStatus.DRAFT).first()
    if target is not None and target.status == PlanStatus.PUBLISHED:
        raise PlanImportError(
            [
                _("Version %(version)s av planen för %(year)s är publicerad och kan inte ändras.")
                % {"version": version, "year": year}
            ]
        )
    if target is None and draft is not None:
        raise PlanImportError(
            [
                _(
                    "Det finns redan ett utkast för %(year)s (version %(version)s); "
                    "importera till den versionen eller publicera utkastet först."
                )
                % {"year": year, "version": draft.version}
            ]
        )
    if target is None:
        target = ActionPlan.objects.create(
            scope=scope,
            county=county,
            year=year,
            version=version or next_version_number(scope, county),
            **desc["fields"],
        )
    else:
        for name, value in desc["fields"].items():
            setattr(target, name, value)
        target.lock_version += 1
        target.save()
        for related in (
            target.activities,
            target.goals,
            target.areas,
            target.sections,
            target.decisions,
            target.participations,
            target.steering_group,
        ):
            related.all().delete()
    for m in desc["members"]:
        SteeringMember.objects.create(plan=target, **m)
    for s in desc["sections"]:
        NeedsSection.objects.create(plan=target, **s)
    for d in desc["decisions"]:
        Decision.objects.create(plan=target, **d)
    for x in desc["participation"]:
        Participation.objects.create(plan=target, **x)
    _create_areas(target, desc["areas"])
    return target


def too_large_error():
    return _("Filen är för stor för en handlingsplan (högst %(kb)d kB).") % {
        "kb": MAX_PLAN_BYTES // 1024
    }


def import_plan_text(text):
    if len(text.encode("utf-8")) > MAX_PLAN_BYTES:
        raise PlanImportError([too_large_error()])
    # Control characters are removed, written as they are or escaped ("\x01"); line numbers
    # stay as they were (see core.text.clean_text).
    text = clean_text(text)
    try:
        data = clean_data(yaml.load(text, Loader=Loader))  # noqa: S506 – a SafeLoader without aliases
        lines = _line_map(text)
    except (_Refused, TooLarge) as exc:
        raise PlanImportError([exc.message]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            raise PlanImportError(
                [
                    _("Rad %(line)s: filen är inte giltig YAML (%(problem)s).")
                    % {"line": mark.line + 1, "problem": getattr(exc, "problem", "")}
                ]
            ) from exc
        raise PlanImportError([_("Filen är inte giltig YAML.")]) from exc
    return import_plan_data(data, lines)
