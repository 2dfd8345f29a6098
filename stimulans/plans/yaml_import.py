"""Import of a plan file: `import_plan_text(text)` creates or replaces a draft, all-or-nothing,
with errors naming line and field (checked by yaml_check)."""

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from stimulans.lib.safe_yaml import TooLarge
from stimulans.lib.text import clean_data, clean_text

from .models import (
    ActionPlan,
    Activity,
    ActivityFund,
    Area,
    Decision,
    Goal,
    NeedsSection,
    Participation,
    PlanStatus,
    SteeringMember,
)
from .services import next_version_number
from .yaml_check import line_map, read_plan_data
from .yaml_format import MAX_PLAN_BYTES, Loader, PlanImportError, RefusedYAML, too_large_error


def _create_area(plan, area, parent, order):
    obj = Area.objects.create(
        plan=plan, parent=parent, code=area["code"], title=area["title"], order=order
    )
    for goal in area["goals"]:
        goal["obj"] = Goal.objects.create(
            plan=plan,
            area=obj,
            term=goal["term"],
            text=goal["text"],
            order=goal["order"],
            indicator_code=goal.get("indicator_code", ""),
            target_percent=goal.get("target_percent"),
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


def import_plan_text(text):
    if len(text.encode("utf-8")) > MAX_PLAN_BYTES:
        raise PlanImportError([too_large_error()])
    # Control characters are removed, written as they are or escaped ("\x01"); line numbers
    # stay as they were (see core.text.clean_text).
    text = clean_text(text)
    try:
        data = clean_data(yaml.load(text, Loader=Loader))  # noqa: S506 – a SafeLoader without aliases
        lines = line_map(text)
    except (RefusedYAML, TooLarge) as exc:
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
