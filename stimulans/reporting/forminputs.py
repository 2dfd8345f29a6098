"""The report form's inputs: their names ("f-<field>", "r-<repeat>-<index>-<field>"), reading a
POST into the answers services.save_draft takes, and the inverse (answers as inputs, which the
autosaves are applied to). Pure functions of the questionnaire definition."""

import re
from dataclasses import dataclass

from django.utils.datastructures import MultiValueDict

from stimulans.lib.text import is_digits

from . import xlsform

ROW_KEY = re.compile(r"^r-(?P<repeat>[A-Za-z_][\w.\-]*)-(?P<index>\d+)-identifier$")
# Inputs of the report form: "f-<field>" and "r-<repeat>-<index>-<field>" (see field_id).
FORM_INPUT_PREFIXES = ("f-", "r-")
ROW_INPUT = re.compile(r"^r-(?P<repeat>[A-Za-z_][\w.]*)-(?P<index>\d+)-(?P<name>.+)$")


def field_id(name, repeat=None, index=None):
    if repeat is None:
        return f"f-{name}"
    return f"r-{repeat}-{index}-{name}"


def _read(node, post, key):
    if node.get("type") == "select all that apply":
        return post.getlist(key)
    return post.get(key, "")


def parse_post(definition, post):
    """The POSTed report form as the data dict services.save_draft takes. Repeat rows are found
    by their hidden identifier input and kept in the order of their index."""
    data = {}
    for node, _ancestors, repeat in xlsform.walk_fields(definition):
        if not xlsform.is_answerable(node) or repeat is not None:
            continue
        data[node["name"]] = _read(node, post, field_id(node["name"]))
    rows = {}
    for key in post:
        m = ROW_KEY.match(key)
        if m:
            rows.setdefault(m["repeat"], []).append(int(m["index"]))
    for repeat_name in xlsform.repeats(definition):
        items = []
        for index in sorted(rows.get(repeat_name, [])):
            row = {"identifier": post.get(f"r-{repeat_name}-{index}-identifier", "")}
            for node, _ancestors, repeat in xlsform.walk_fields(definition):
                if repeat == repeat_name and xlsform.is_answerable(node):
                    row[node["name"]] = _read(
                        node, post, field_id(node["name"], repeat_name, index)
                    )
            items.append(row)
        data[repeat_name] = items
    return data


def _as_inputs(node, value):
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if node.get("type") == "select all that apply":
        return str(value).split()
    return [str(value)]


def form_inputs(definition, values):
    """The inverse of parse_post: answers as the form's inputs, {input name: [values]}."""
    inputs = {}
    walked = [
        (node, repeat)
        for node, _ancestors, repeat in xlsform.walk_fields(definition)
        if xlsform.is_answerable(node)
    ]
    for node, repeat in walked:
        if repeat is None:
            inputs[field_id(node["name"])] = _as_inputs(node, values.get(node["name"]))
    for repeat_name in xlsform.repeats(definition):
        for index, row in enumerate(values.get(repeat_name) or []):
            inputs[f"r-{repeat_name}-{index}-identifier"] = [str(row.get("identifier", ""))]
            for node, repeat in walked:
                if repeat == repeat_name:
                    key = field_id(node["name"], repeat_name, index)
                    inputs[key] = _as_inputs(node, row.get(node["name"]))
    return inputs


def apply_input_changes(definition, values, changes):
    """Answers (as parse_post gives them) with an autosave's changed inputs applied; inputs of
    initiatives that no longer exist are ignored."""
    inputs = form_inputs(definition, values)
    inputs.update({key: list(v) for key, v in changes.items()})
    return parse_post(definition, MultiValueDict(inputs))


@dataclass(frozen=True)
class FormAction:
    """The report form's `action` (the button pressed), parsed once:

    - "save" (the default, also anything unknown), "submit";
    - "add:<repeat>": kind "add", `repeat`;
    - "remove:<repeat>:<index>": kind "remove", `repeat`, `index` (None if not a number);
    - "remove_attachment:<id>": kind "remove_attachment", `attachment_id` (None if not a
      number: the post is refused)."""

    kind: str = "save"
    repeat: str = ""
    index: int | None = None
    attachment_id: int | None = None

    @classmethod
    def parse(cls, value, repeat_names):
        value = str(value or "save")
        if value == "submit":
            return cls("submit")
        if value.startswith("remove_attachment:"):
            number = value.split(":", 1)[1]
            return cls(
                "remove_attachment", attachment_id=int(number) if is_digits(number) else None
            )
        for repeat in repeat_names:
            if value == f"add:{repeat}":
                return cls("add", repeat)
            if value.startswith(f"remove:{repeat}:"):
                number = value.rsplit(":", 1)[1]
                return cls("remove", repeat, index=int(number) if is_digits(number) else None)
        return cls()
