"""A questionnaire definition (pyxform's JSON): the field types and names the reports map
onto, walking its questions, groups and repeats, labels, hints, choices, and whether a
question is required or relevant."""

import datetime
import re

from django.utils.translation import gettext as _

from .expressions import ExpressionError, NodeSet, as_string, evaluate, is_true, typed_value

# Questions shown on the form (pyxform's type names); `note` has no answer.
FIELD_TYPES = {
    "text",
    "integer",
    "decimal",
    "range",
    "select one",
    "select all that apply",
    "date",
    "time",
    "dateTime",
    "note",
    "acknowledge",
}
# Not shown and never answered by the reporter: a calculation, a hidden value (its default),
# and ODK's metadata (start, end and today are the time of the evaluation; the device's
# identities are empty: a report is made by an organisation in a browser).
COMPUTED_TYPES = {"calculate", "hidden"}
METADATA_TYPES = {
    "start",
    "end",
    "today",
    "username",
    "deviceid",
    "email",
    "phonenumber",
    "simserial",
    "subscriberid",
    "audit",
}
# Refused: reports are about organisations, so nothing that records a person, a place, a
# picture or a sound, or a file beside the report's attachments.
MEDIA_TYPES = {"image", "audio", "video", "background-audio", "file", "barcode"}
LOCATION_TYPES = {"geopoint", "geotrace", "geoshape", "start-geopoint"}
CONTAINER_TYPES = {"group", "repeat"}
# pyxform keeps a type as the form wrote it; its other names (pyxform's
# question_type_dictionary) and the one this product uses.
TYPE_ALIASES = {
    **dict.fromkeys(("string", "q string", "add text prompt", "phone number"), "text"),
    **dict.fromkeys(("q note", "add note prompt"), "note"),
    **dict.fromkeys(
        (
            "int",
            "q int",
            "add integer prompt",
            "percentage",
            "number of days in last month",
            "number of days in last six months",
            "number of days in last year",
        ),
        "integer",
    ),
    **dict.fromkeys(("q decimal", "add decimal prompt"), "decimal"),
    **dict.fromkeys(("q date", "add date prompt"), "date"),
    **dict.fromkeys(
        (
            "datetime",
            "date time",
            "q date time",
            "q dateTime",
            "add date time prompt",
            "add dateTime prompt",
        ),
        "dateTime",
    ),
    **dict.fromkeys(("q select1", "select one using", "add select one prompt using"), "select one"),
    **dict.fromkeys(
        (
            "q select",
            "select multiple using",
            "select all that apply from",
            "select multiple from",
            "add select multiple prompt using",
        ),
        "select all that apply",
    ),
    **dict.fromkeys(("q calculate", "add calculate prompt"), "calculate"),
    **dict.fromkeys(("q acknowledge", "add acknowledge prompt", "trigger"), "acknowledge"),
    **dict.fromkeys(("start time", "get start time"), "start"),
    **dict.fromkeys(("end time", "get end time"), "end"),
    "get today": "today",
    **dict.fromkeys(("device id", "get device id", "imei", "uri:deviceid"), "deviceid"),
    **dict.fromkeys(("subscriber id", "get subscriber id", "uri:subscriberid"), "subscriberid"),
    **dict.fromkeys(("sim id", "get sim id", "uri:simserial"), "simserial"),
    **dict.fromkeys(("get phone number", "uri:phonenumber"), "phonenumber"),
    "uri:username": "username",
    "uri:email": "email",
    **dict.fromkeys(("photo", "q picture", "q image", "add image prompt"), "image"),
    **dict.fromkeys(("q audio", "add audio prompt"), "audio"),
    **dict.fromkeys(("q video", "add video prompt"), "video"),
    **dict.fromkeys(("add file prompt", "osm"), "file"),
    **dict.fromkeys(("q barcode", "add barcode prompt"), "barcode"),
    **dict.fromkeys(
        ("gps", "location", "q location", "q geopoint", "add location prompt"), "geopoint"
    ),
    "background-geopoint": "start-geopoint",
    "q geotrace": "geotrace",
    "q geoshape": "geoshape",
}


def canonical_type(kind):
    """The type under the name this product uses (`photo` → `image`, `string` → `text`)."""
    return TYPE_ALIASES.get(kind, kind)


def normalise_types(definition):
    """Give every node of a parsed definition its canonical type (in place)."""
    for node in definition.get("children", []):
        if "type" in node:
            node["type"] = canonical_type(node["type"])
        if "children" in node:
            normalise_types(node)
    return definition


INITIATIVES = "initiatives"
# Core answers stored on Report, not in Report.answers.
REPORT_FIELDS = (
    "funds_received_sek",
    "funds_used_sek",
    "funds_carried_over_sek",
    "funds_explanation",
)
REPORT_INTEGER_FIELDS = ("funds_received_sek", "funds_used_sek", "funds_carried_over_sek")
# Fields of the `initiatives` repeat that map onto Initiative.
INITIATIVE_FIELDS = (
    "category",
    "title",
    "activities",
    "goals",
    "outputs",
    "effects",
    "effect_level",
    "effect_measured",
    "measurement",
    "funds_sek",
    "phase",
    "within_agreement",
)


def measure_field_name(code):
    """`bup.first_assessment.children` → `bup_first_assessment_children`."""
    return code.replace(".", "_")


TRUE_FLAGS = {"yes", "true", "true()", "1"}
LITERAL_FLAGS = TRUE_FLAGS | {"no", "false", "false()", "0"}


def is_literal_flag(expr):
    """`required` written as a flag: yes/no, TRUE/FALSE, True, 1/0, true()/false()."""
    if isinstance(expr, str):
        return expr.strip() == "" or expr.strip().lower() in LITERAL_FLAGS
    return expr in (None, True, False, 0, 1)


def walk(definition, repeat=None):
    """Yield (node, repeat_name) for every node below `definition`, depth first, skipping the
    `meta` group pyxform adds. `repeat_name` is the enclosing repeat or None."""
    for node in definition.get("children", []):
        if node.get("name") == "meta" and node.get("type") == "group":
            continue
        yield node, repeat
        if node.get("type") in CONTAINER_TYPES:
            inner = node["name"] if node.get("type") == "repeat" else repeat
            yield from walk(node, inner)


def is_answerable(node):
    """A question the reporter answers (shown, not a note)."""
    return node.get("type") in FIELD_TYPES and node.get("type") != "note"


def fields(definition):
    """Answerable fields (not notes, groups or repeats) as {name: (node, repeat_name)}."""
    return {
        node["name"]: (node, repeat) for node, repeat in walk(definition) if is_answerable(node)
    }


def repeats(definition):
    return {node["name"]: node for node, _r in walk(definition) if node.get("type") == "repeat"}


def _is_swedish(language):
    language = str(language).strip().lower()
    return "(sv)" in language or language.startswith(("swedish", "svenska", "sv"))


def translated(text):
    """The Swedish text of a multilingual label (`label::Swedish (sv)`, `label::Svenska (sv)`,
    `label::sv`), else the one without a language, else the first."""
    if not isinstance(text, dict):
        return text
    for language, value in text.items():
        if _is_swedish(language) and value:
            return value
    return text.get("default") or next((v for v in text.values() if v), "")


# pyxform's `or_other` adds a choice "other" and a question "<name>_other" in English.
_OTHER_CHOICE = "Other"
_OTHER_QUESTION = "Specify other."


def label(node):
    text = translated(node.get("label") or node.get("name", ""))
    if text == _OTHER_QUESTION and str(node.get("name", "")).endswith("_other"):
        return _("Ange annat")
    if text == _OTHER_CHOICE and node.get("name") == "other" and "type" not in node:
        return _("Annat")
    return text


_QUOTED = re.compile(r"\$\{([^}]*)\}")


def with_answers(text, lookup):
    """A label or hint with the ${name} it quotes replaced by the answers (as ODK shows it)."""
    if not isinstance(text, str) or "${" not in text:
        return text
    return _QUOTED.sub(lambda m: as_string(lookup(m.group(1).strip())), text)


def hint(node):
    return translated(node.get("hint") or "")


def choices(node, lookup=None):
    """[(name, label)] of a select question; with `lookup`, only those its `choice_filter`
    keeps (ODK: the filter is evaluated with the choice row's columns as bare names)."""
    rows = node.get("choices", [])
    expr = node.get("choice_filter")
    if expr and lookup is not None:
        rows = [c for c in rows if is_true(expr, lookup, item=c, default=True)]
    return [(c["name"], label(c)) for c in rows]


def prefill_allowed(node):
    """The form author allows pre-filling from last year with the column `instance::prefill`
    (or `prefill`) set to yes."""
    for source in (node.get("instance") or {}, node):
        if str(source.get("prefill", "")).lower() in ("yes", "true", "1", "ja"):
            return True
    return False


def is_required(node, lookup):
    required = (node.get("bind") or {}).get("required")
    if is_literal_flag(required):
        return (
            required is True
            or required == 1
            or (isinstance(required, str) and required.strip().lower() in TRUE_FLAGS)
        )
    return is_true(required, lookup, default=False)


def walk_fields(definition, ancestors=(), repeat=None):
    """Yield (node, ancestors, repeat_name) for every answerable or note field; `ancestors` are
    the enclosing groups and repeats (for their `relevant`)."""
    for node in definition.get("children", []):
        if node.get("name") == "meta" and node.get("type") == "group":
            continue
        kind = node.get("type")
        if kind in CONTAINER_TYPES:
            inner = node["name"] if kind == "repeat" else repeat
            yield from walk_fields(node, (*ancestors, node), inner)
        else:
            yield node, ancestors, repeat


def relevant_expressions(node, ancestors):
    exprs = [(a.get("bind") or {}).get("relevant") for a in ancestors]
    exprs.append((node.get("bind") or {}).get("relevant"))
    return [e for e in exprs if e]


def field_index(definition):
    """{name: (node, repeat_name)} of every node: questions, computed values, metadata,
    groups and repeats."""
    return {node["name"]: (node, repeat) for node, repeat in walk(definition) if "name" in node}


class Answers:
    """The answers as `${name}` reads them in an expression (the `lookup` of `evaluate`),
    typed as ODK types them: numbers, dates, selections as text; a repeat is the node-set of
    its rows, a question of a repeat seen from outside it the node-set of its answers, a
    calculation its value, metadata the time of the evaluation. `row(repeat, values, index)`
    is the lookup inside one row of a repeat."""

    def __init__(self, definition, values, index=None, repeat=None, row=None, number=0):
        self.definition = definition
        self.values = values
        self.index = field_index(definition) if index is None else index
        self.repeat = repeat
        self.row_values = row
        self.number = number
        self._computing: set[str] = set()

    def row(self, repeat, values, index):
        return Answers(self.definition, self.values, self.index, repeat, values, index + 1)

    def position(self):
        return self.number or 1

    def choices(self, name):
        node = self.index.get(name, ({}, None))[0]
        return {c: str(text) for c, text in choices(node)}

    def __call__(self, name):
        node, repeat = self.index.get(name, (None, None))
        if node is None:
            return typed_value("text", self.values.get(name))
        kind = node.get("type")
        if kind == "repeat":
            return NodeSet(self.values.get(name) or [])
        if kind in METADATA_TYPES:
            if kind == "today":
                return datetime.date.today()
            if kind in ("start", "end"):
                return datetime.datetime.now().replace(microsecond=0)
            return ""
        if kind == "calculate":
            return self._calculate(node, name)
        if kind == "hidden":
            return as_string(node.get("default", ""))
        if kind == "group":
            return ""
        if repeat is not None and repeat != self.repeat:
            rows = self._rows(repeat)
            return NodeSet(typed_value(kind, r.get(name)) for r in rows)
        source = self.row_values if repeat is not None else self.values
        return typed_value(kind, (source or {}).get(name))

    def _rows(self, repeat):
        rows = self.values.get(repeat)
        if rows is None and self.row_values is not None:
            rows = self.row_values.get(repeat)  # a repeat inside the current row
        return [r for r in rows or [] if isinstance(r, dict)]

    def _calculate(self, node, name):
        expr = (node.get("bind") or {}).get("calculate")
        if not expr or name in self._computing:
            return ""
        self._computing.add(name)
        try:
            return as_string(evaluate(expr, self))
        except ExpressionError:
            return ""
        finally:
            self._computing.discard(name)
