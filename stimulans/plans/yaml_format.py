"""The plan file format shared by export, checking and import: the shape of
`data/stockholm-plan-2021.yaml`, its vocabulary, the YAML 1.2 booleans and the loader.

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
          # a goal: its text, or {text, indicator: <code>, target_percent: 0–100}
          activities:
            - kind: prioriterad | löpande, no, title, description, subtasks, partners,
              target_groups, starts, ends, conditional, status, goals: [long-1, short-2],
              indicators: [codes], child_participation, actor,
              funds: [{pot: "2020/<part slug>/<recipient kind>", amount_sek}]
"""

import re

import yaml
from django.utils.translation import gettext as _

from stimulans.lib.errorlist import capped
from stimulans.lib.safe_yaml import LimitedSafeLoader

from .models import ActivityKind, GoalTerm

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


def pot_ref(pot):
    return f"{pot.part.agreement.year}/{pot.part.slug}/{pot.recipient_kind}"


def yaml_12_booleans(cls):
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


class RefusedYAML(yaml.YAMLError):
    """A file the loader refuses before building anything: `message` names the line."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@yaml_12_booleans
class Loader(LimitedSafeLoader):
    """A SafeLoader without aliases: `*name` can make a few hundred bytes expand to gigabytes
    ("billion laughs"), and a plan never needs one. Refused while composing, before any value
    is built; LimitedSafeLoader refuses nesting deeper than a plan needs."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise RefusedYAML(
                _(
                    "Rad %(line)s: filen hänvisar till ett värde på ett annat ställe "
                    "(*%(name)s). Sådana hänvisningar tillåts inte; skriv ut värdet där det "
                    "ska stå."
                )
                % {"line": event.start_mark.line + 1, "name": event.anchor}
            )
        return super().compose_node(parent, index)


def too_large_error():
    return _("Filen är för stor för en handlingsplan (högst %(kb)d kB).") % {
        "kb": MAX_PLAN_BYTES // 1024
    }
