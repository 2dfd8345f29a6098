"""What changed between two questionnaire definitions (last year's form and the one being
uploaded): questions added, removed and changed (label, type, choices added, removed or
relabelled), matched by question name. Pure; the upload shows it before saving."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from . import xlsform


@dataclass
class QuestionChange:
    name: str
    label: str
    changes: list[str]


@dataclass
class FormDiff:
    added: list[tuple[str, str]] = field(default_factory=list)  # (name, label)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[QuestionChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _questions(definition: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        node["name"]: node
        for node, _repeat in xlsform.walk(definition)
        if xlsform.is_answerable(node)
    }


def _changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    found = []
    if xlsform.label(old) != xlsform.label(new):
        found.append(_("Frågetexten ändrad från ”%(old)s”.") % {"old": xlsform.label(old)})
    if old.get("type") != new.get("type"):
        found.append(
            _("Typen ändrad från %(old)s till %(new)s.")
            % {"old": old.get("type"), "new": new.get("type")}
        )
    before = dict(xlsform.choices(old))
    after = dict(xlsform.choices(new))
    for name in after.keys() - before.keys():
        found.append(_("Nytt svarsalternativ ”%(label)s”.") % {"label": after[name]})
    for name in before.keys() - after.keys():
        found.append(_("Svarsalternativet ”%(label)s” borttaget.") % {"label": before[name]})
    for name in before.keys() & after.keys():
        if before[name] != after[name]:
            found.append(
                _("Svarsalternativet ”%(old)s” heter nu ”%(new)s”.")
                % {"old": before[name], "new": after[name]}
            )
    return sorted(found)


def diff_definitions(old: dict[str, Any], new: dict[str, Any]) -> FormDiff:
    """The questions of `new` against `old`, in `new`'s order (removed ones in `old`'s)."""
    before = _questions(old)
    after = _questions(new)
    diff = FormDiff()
    for name, node in after.items():
        if name not in before:
            diff.added.append((name, xlsform.label(node)))
        else:
            changes = _changes(before[name], node)
            if changes:
                diff.changed.append(QuestionChange(name, xlsform.label(node), changes))
    diff.removed = [(n, xlsform.label(node)) for n, node in before.items() if n not in after]
    return diff
