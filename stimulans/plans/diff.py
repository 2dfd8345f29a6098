"""What was added, changed and removed between two versions of a plan.

Works on the canonical export (`yaml_export.plan_to_data`) so it compares contents, never ids:
needs-analysis sections are matched by title, areas by their path of titles, goals by text,
activities by area, kind and number, decisions by date and text, organisations by name.
"""

import copy
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .yaml_export import plan_to_data

ADDED = "added"
CHANGED = "changed"
REMOVED = "removed"

LABELS = {
    ADDED: gettext_lazy("Tillagt"),
    CHANGED: gettext_lazy("Ändrat"),
    REMOVED: gettext_lazy("Borttaget"),
}

PLAN_FIELDS = [
    ("title", gettext_lazy("Titel")),
    ("purpose", gettext_lazy("Syfte")),
    ("requires_child_participation", gettext_lazy("Barns delaktighet som kontrollpunkt")),
    ("adoption", gettext_lazy("Antagande")),
]
ORGANISATION_FIELDS = [
    ("political_anchor", gettext_lazy("Politisk förankring")),
    ("secretariat", gettext_lazy("Sekretariat")),
    ("network", gettext_lazy("Samordnarnätverk")),
]
ACTIVITY_FIELDS = [
    ("title", gettext_lazy("rubrik")),
    ("description", gettext_lazy("beskrivning")),
    ("subtasks", gettext_lazy("deluppgifter")),
    ("partners", gettext_lazy("samarbetspartner")),
    ("target_groups", gettext_lazy("målgrupper")),
    ("starts", gettext_lazy("start")),
    ("ends", gettext_lazy("slut")),
    ("conditional", gettext_lazy("villkorad")),
    ("status", gettext_lazy("status")),
    ("goals", gettext_lazy("mål")),
    ("indicators", gettext_lazy("indikatorer")),
    ("child_participation", gettext_lazy("barns delaktighet")),
    ("actor", gettext_lazy("aktör")),
    ("funds", gettext_lazy("medel")),
]


@dataclass
class Change:
    change: str  # added, changed, removed
    where: str  # e.g. "Aktivitet prioriterad 1 (Barn och unga 0–24 år › Skolan som arena)"
    field: str = ""
    before: str = ""
    after: str = ""

    @property
    def label(self):
        return LABELS[self.change]


def _choice_labels():
    from .models import (
        ActivityStatus,
        Actor,
        AdoptedBy,
        OrganisationKind,
        ParticipationMode,
    )

    labels = {}
    for choices in (ActivityStatus, Actor, AdoptedBy, OrganisationKind, ParticipationMode):
        labels.update({value: str(label) for value, label in choices.choices})
    return labels


FIELD_NAMES = {
    "adopted_by": gettext_lazy("antagen av"),
    "adopted_on": gettext_lazy("datum"),
    "organisation": gettext_lazy("organisation"),
    "kind": gettext_lazy("typ"),
    "mode": gettext_lazy("delaktighet"),
    "note": gettext_lazy("kommentar"),
    "name": gettext_lazy("namn"),
    "role": gettext_lazy("roll"),
    "pot": gettext_lazy("pott"),
    "amount_sek": gettext_lazy("kr"),
}


def _show(value):
    """A value of the plan data as text for people: choice codes become their labels."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nej")
    if isinstance(value, list):
        return "; ".join(_show(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(
            f"{FIELD_NAMES.get(k, k)}: {_show(v)}" for k, v in value.items() if v not in (None, "")
        )
    if isinstance(value, str):
        return _choice_labels().get(value, value)
    return str(value)


def _keyed(items, key):
    out = {}
    for item in items:
        out.setdefault(key(item), item)
    return out


def _compare_keyed(changes, old, new, where, fields=None, show=_show):
    """Dicts keyed the same way: added and removed keys, changed fields of kept keys."""
    for key, item in new.items():
        if key not in old:
            changes.append(Change(ADDED, where(key, item), after=show(item)))
    for key, item in old.items():
        if key not in new:
            changes.append(Change(REMOVED, where(key, item), before=show(item)))
    for key, item in new.items():
        if key in old and old[key] != item:
            before = old[key]
            names = fields or [(k, k) for k in sorted(set(before) | set(item))]
            for name, label in names:
                if before.get(name) != item.get(name):
                    changes.append(
                        Change(
                            CHANGED,
                            where(key, item),
                            str(label),
                            _show(before.get(name)),
                            _show(item.get(name)),
                        )
                    )


def _walk_areas(areas, prefix=()):
    for area in areas or []:
        label = f"{area.get('code')} {area['title']}" if area.get("code") else area["title"]
        path = (*prefix, label)
        yield path, area
        yield from _walk_areas(area.get("subareas"), path)


def _normalised(plan):
    """A copy with the defaults the export leaves out filled in (an activity's status)."""
    plan = copy.deepcopy(plan)
    for _path, area in _walk_areas(plan.get("areas")):
        for activity in area.get("activities", []):
            activity.setdefault("status", "planned")
    return plan


def diff_data(old, new):
    """[Change] from the plan data `old` to `new` (both as from `plan_to_data`)."""
    a, b = _normalised(old["plan"]), _normalised(new["plan"])
    changes = []
    for name, label in PLAN_FIELDS:
        if a.get(name) != b.get(name):
            changes.append(
                Change(
                    CHANGED if a.get(name) and b.get(name) else (ADDED if b.get(name) else REMOVED),
                    str(label),
                    before=_show(a.get(name)),
                    after=_show(b.get(name)),
                )
            )
    org_a, org_b = a.get("organisation", {}), b.get("organisation", {})
    for name, label in ORGANISATION_FIELDS:
        if org_a.get(name) != org_b.get(name):
            changes.append(
                Change(
                    CHANGED, str(label), before=_show(org_a.get(name)), after=_show(org_b.get(name))
                )
            )

    def members(org):
        return _keyed(
            [
                m if isinstance(m, dict) else {"name": m, "role": ""}
                for m in org.get("steering_group", [])
            ],
            lambda m: m["name"],
        )

    _compare_keyed(
        changes,
        members(org_a),
        members(org_b),
        lambda k, _i: _("Styrgruppen: %(name)s") % {"name": k},
        [("role", _("roll"))],
    )
    for key, label in (
        ("overall_goals", _("Övergripande mål")),
        ("previous_versions", _("Tidigare planer")),
    ):
        old_items = [_show(x) for x in a.get(key, [])]
        new_items = [_show(x) for x in b.get(key, [])]
        changes += [Change(ADDED, str(label), after=x) for x in new_items if x not in old_items]
        changes += [Change(REMOVED, str(label), before=x) for x in old_items if x not in new_items]
    _compare_keyed(
        changes,
        _keyed(a.get("needs_analysis", []), lambda s: s["title"]),
        _keyed(b.get("needs_analysis", []), lambda s: s["title"]),
        lambda k, _i: _("Nulägesanalys: %(title)s") % {"title": k},
        [("body", _("text")), ("attachments", _("bilagor"))],
        show=lambda s: s.get("body", ""),
    )
    _compare_keyed(
        changes,
        _keyed(a.get("decisions", []), lambda d: (d["date"], d["text"])),
        _keyed(b.get("decisions", []), lambda d: (d["date"], d["text"])),
        lambda k, i: _("Beslut %(date)s (%(body)s)") % {"date": k[0], "body": i.get("body", "")},
        [("body", _("beslutande organ"))],
        show=lambda d: d["text"],
    )
    _compare_keyed(
        changes,
        _keyed(a.get("participation", []), lambda x: x["organisation"]),
        _keyed(b.get("participation", []), lambda x: x["organisation"]),
        lambda k, _i: _("Brukarmedverkan: %(name)s") % {"name": k},
        [("kind", _("typ")), ("mode", _("delaktighet")), ("note", _("kommentar"))],
    )

    areas_a = dict(_walk_areas(a.get("areas")))
    areas_b = dict(_walk_areas(b.get("areas")))
    for path in areas_b:
        if path not in areas_a:
            changes.append(Change(ADDED, _("Område: %(path)s") % {"path": " › ".join(path)}))
    for path in areas_a:
        if path not in areas_b:
            changes.append(Change(REMOVED, _("Område: %(path)s") % {"path": " › ".join(path)}))
    for path in sorted(set(areas_a) | set(areas_b)):
        area_a, area_b = areas_a.get(path, {}), areas_b.get(path, {})
        where = " › ".join(path)
        for key, label in (
            ("long_term_goals", _("Långsiktigt mål")),
            ("short_term_goals", _("Kortsiktigt mål")),
        ):
            old_goals, new_goals = area_a.get(key, []), area_b.get(key, [])
            for g in new_goals:
                if g not in old_goals:
                    changes.append(Change(ADDED, f"{label} ({where})", after=g))
            for g in old_goals:
                if g not in new_goals:
                    changes.append(Change(REMOVED, f"{label} ({where})", before=g))

        def act_where(k, item, where=where):
            return _("Aktivitet %(kind)s %(no)s (%(where)s)") % {
                "kind": k[0],
                "no": k[1],
                "where": where,
            }

        old_acts = _keyed(area_a.get("activities", []), lambda x: (x["kind"], x["no"]))
        new_acts = _keyed(area_b.get("activities", []), lambda x: (x["kind"], x["no"]))
        # An activity that kept its title but got another kind or number was renumbered:
        # one change, then compared field by field under its new number.
        added = {new_acts[k]["title"]: k for k in new_acts if k not in old_acts}
        for key in [k for k in old_acts if k not in new_acts]:
            new_key = added.pop(old_acts[key]["title"], None)
            if new_key is not None:
                changes.append(
                    Change(
                        CHANGED,
                        act_where(new_key, None),
                        str(_("typ och nummer")),
                        f"{key[0]} {key[1]}",
                        f"{new_key[0]} {new_key[1]}",
                    )
                )
                old_acts[new_key] = old_acts.pop(key)
        _compare_keyed(
            changes, old_acts, new_acts, act_where, ACTIVITY_FIELDS, show=lambda x: x["title"]
        )
    return changes


def diff_plans(old_plan, new_plan):
    return diff_data(plan_to_data(old_plan), plan_to_data(new_plan))
