"""Export of a plan: `plan_to_data(plan)` gives the canonical dict (also used by the diff),
`export_yaml(plan)` the file in the shape of `data/stockholm-plan-2021.yaml` (yaml_format)."""

import yaml
from django.utils.translation import gettext as _

from .models import ActivityKind, ActivityStatus, PlanScope
from .yaml_format import KIND_TO_FILE, TERM_KEYS, pot_ref, yaml_12_booleans


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


def _goal_data(goal):
    """A goal's text, or with a target {text, indicator, target_percent}."""
    if not goal.indicator_code and goal.target_percent is None:
        return goal.text
    d = {"text": goal.text, "indicator": goal.indicator_code}
    if goal.target_percent is not None:
        target = goal.target_percent
        d["target_percent"] = int(target) if target == int(target) else float(target)
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
        texts = [_goal_data(g) for g in goals_by_area.get(area.pk, []) if g.term == term]
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


@yaml_12_booleans
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
