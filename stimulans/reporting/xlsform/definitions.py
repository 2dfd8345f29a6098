"""A questionnaire definition (pyxform's JSON): the field types and names the reports map
onto, walking its questions, groups and repeats, labels, hints, choices, and whether a
question is required or relevant."""

from .expressions import is_true

FIELD_TYPES = {
    "text",
    "integer",
    "decimal",
    "select one",
    "select all that apply",
    "date",
    "note",
}
CONTAINER_TYPES = {"group", "repeat"}
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


LITERAL_FLAGS = {"yes", "true", "true()", "no", "false", "false()"}


def is_literal_flag(expr):
    if isinstance(expr, str):
        return expr == "" or expr.lower() in LITERAL_FLAGS
    return expr in (None, True, False)


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


def fields(definition):
    """Answerable fields (not notes, groups or repeats) as {name: (node, repeat_name)}."""
    return {
        node["name"]: (node, repeat)
        for node, repeat in walk(definition)
        if node.get("type") in FIELD_TYPES and node.get("type") != "note"
    }


def repeats(definition):
    return {node["name"]: node for node, _r in walk(definition) if node.get("type") == "repeat"}


def label(node):
    text = node.get("label") or node.get("name", "")
    if isinstance(text, dict):  # multilingual labels
        text = text.get("Svenska (sv)") or text.get("default") or next(iter(text.values()), "")
    return text


def hint(node):
    text = node.get("hint") or ""
    if isinstance(text, dict):
        text = text.get("Svenska (sv)") or text.get("default") or next(iter(text.values()), "")
    return text


def choices(node):
    return [(c["name"], label(c)) for c in node.get("choices", [])]


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
        return required is True or (
            isinstance(required, str) and required.lower() in ("yes", "true", "true()")
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
