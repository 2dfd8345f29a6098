"""The plan activity an initiative carries out: the choice the report form offers in every
initiative, from the county's published action plan.

Plans depend on reporting (an activity names the reported initiatives it continues), so this
module does not read plans itself: the plans app registers the look-up of the choices when it
starts (`register`), and the questionnaire's definition gets one more question in its
`initiatives` repeat (`with_plan_activities`) when there is something to choose."""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from .. import xlsform

PLAN_ACTIVITY = "plan_activity"

Choices = Callable[[Any], list[tuple[str, str]]]
_providers: list[Choices] = []


def register(provider: Choices) -> None:
    """Set the look-up `provider(report) -> [(activity id, label)]`."""
    _providers[:] = [provider]


def activity_choices(report: Any) -> list[tuple[str, str]]:
    """[(activity id, label)] the report's initiatives may name; `report` may be unsaved (a
    report about to be created or imported: its organisation and pot are what count)."""
    return _providers[0](report) if _providers else []


def activity_label(activity: Any) -> str:
    """An activity as exports and choices name it: year, area path, kind, number and title."""
    return f"{activity.plan.year} {activity.area.path} – {activity}"


def unknown_activity_message(value: Any) -> str:
    return _(
        "Okänd aktivitet ”%(value)s”: välj en aktivitet i länets publicerade handlingsplan "
        "för året."
    ) % {"value": value}


def _question(choices: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "type": "select one",
        "name": PLAN_ACTIVITY,
        "label": _("Aktivitet i länets handlingsplan som insatsen genomför"),
        "hint": _("Välj aktiviteten i den publicerade handlingsplanen, om insatsen genomför en."),
        "choices": [{"name": value, "label": label} for value, label in choices],
    }


def _with_question(node: dict[str, Any], question: dict[str, Any]) -> dict[str, Any] | None:
    """A copy of `node` with `question` added to its `initiatives` repeat (after the title), or
    None when the repeat is not below it or already asks it."""
    children = node.get("children") or []
    for index, child in enumerate(children):
        if child.get("type") == "repeat" and child.get("name") == xlsform.INITIATIVES:
            inner = list(child.get("children") or [])
            if any(c.get("name") == PLAN_ACTIVITY for c in inner):
                return None
            names = [c.get("name") for c in inner]
            at = names.index("title") + 1 if "title" in names else len(inner)
            inner.insert(at, question)
            return {
                **node,
                "children": [
                    *children[:index],
                    {**child, "children": inner},
                    *children[index + 1 :],
                ],
            }
        if child.get("type") in xlsform.CONTAINER_TYPES:
            copied = _with_question(child, question)
            if copied is not None:
                return {**node, "children": [*children[:index], copied, *children[index + 1 :]]}
    return None


def with_plan_activities(definition: dict[str, Any], report: Any) -> dict[str, Any]:
    """The definition with the plan activity question in its initiatives, if the report's county
    has activities to choose from; the cached definition itself is never changed."""
    if not _providers:
        return definition
    choices = activity_choices(report)
    if not choices:
        return definition
    return _with_question(definition, _question(choices)) or definition
