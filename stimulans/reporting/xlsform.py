"""XLSForm questionnaires: parse an uploaded form with pyxform, walk its definition, and evaluate
the `relevant` / `constraint` / `required` expressions it uses. No HTTP and no database here.

Supported question types: text, integer, decimal, select_one, select_multiple, date, note,
groups and repeat groups (one level). Expressions: `${field}` references, `.` (the current
answer), numbers and strings, `= != < <= > >=`, `+ - * div mod`, `and`, `or`, `not()`,
`selected()`, `count-selected()`, `string-length()`, `true()`, `false()`. The evaluator is a
small recursive-descent parser; it never calls Python's eval().

Every expression of an uploaded form (`relevant`, `constraint`, `required`, `calculation`,
`choice_filter`, on questions, groups and repeats) is checked at upload, and a refusal names
the sheet, row and column. A definition stored before such checks is still safe to show:
`is_true` gives its default for an expression it cannot evaluate, so a report page never fails
on one (the question is shown, the answer accepted, nothing extra required).
"""

import io
import re

from django.utils.translation import gettext as _

from stimulans.lib.errorlist import capped
from stimulans.lib.text import clean_data

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


class XLSFormError(ValueError):
    def __init__(self, errors):
        self.errors = capped(errors)
        super().__init__("\n".join(self.errors))


# --- parsing --------------------------------------------------------------------------------


def parse_xlsform(content, filename="enkat.xlsx", categories=None, measures=None):
    """Parse XLSForm bytes into pyxform's JSON definition (a dict). Raises XLSFormError listing
    every problem found: pyxform's own errors, unsupported types, expressions our evaluator
    cannot read, and (when given) category choices or measure fields that don't match the pot.

    `categories`: the pot's category slugs; `measures`: the pot's measure codes."""
    from pyxform import xls2xform
    from pyxform.errors import PyXFormError

    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ".xlsx"
    if suffix not in (".xlsx", ".xls", ".csv", ".md"):
        suffix = ".xlsx"
    warnings = []
    try:
        result = xls2xform.convert(io.BytesIO(content), warnings=warnings, file_type=suffix)
    except PyXFormError as exc:
        raise XLSFormError([_("Fel i XLSForm: %(err)s") % {"err": exc}]) from exc
    except Exception as exc:  # pyxform raises many kinds on unreadable files
        raise XLSFormError(
            [_("Filen kunde inte läsas som XLSForm: %(err)s") % {"err": exc}]
        ) from exc
    # Labels, hints and choices are shown and exported: no characters XML 1.0 cannot hold.
    definition = clean_data(result._pyxform)
    errors = check_sheet_expressions(content, suffix)
    errors += check_definition(
        definition, categories=categories, measures=measures, skip_expressions=errors
    )
    if errors:
        raise XLSFormError(errors)
    return definition


# Columns of the survey sheet that hold expressions, by their names and pyxform's aliases,
# and the key each becomes in the definition (in `bind`, or on the node for choice_filter).
EXPRESSION_COLUMNS = {
    "relevant": "relevant",
    "relevance": "relevant",
    "bind::relevant": "relevant",
    "constraint": "constraint",
    "bind::constraint": "constraint",
    "required": "required",
    "bind::required": "required",
    "calculation": "calculate",
    "calculate": "calculate",
    "bind::calculate": "calculate",
    "choice_filter": "choice_filter",
}
EXPRESSION_KEYS = ("relevant", "constraint", "required", "calculate", "choice_filter")


def expression_problem(expr, key):
    """Why the evaluator cannot handle `expr` (the value of `key`), or None if it can."""
    if key == "required" and is_literal_flag(expr.strip() if isinstance(expr, str) else expr):
        return None
    try:
        parse_expression(expr)
    except ExpressionError as exc:
        return str(exc)
    return None


def node_expressions(node):
    """[(key, expression)] of one node of the definition: question, group or repeat."""
    bind = node.get("bind") or {}
    found = [(key, bind.get(key)) for key in EXPRESSION_KEYS if key != "choice_filter"]
    found.append(("choice_filter", node.get("choice_filter")))
    return [(key, expr) for key, expr in found if expr not in (None, "")]


def _column_letters(content, suffix):
    """{header: column letter} of the survey sheet of an .xlsx file; {} for other formats."""
    if suffix != ".xlsx":
        return {}
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError):
        return {}  # pyxform read the file; the messages then name the column without its letter
    try:
        sheets = [ws for ws in workbook.worksheets if ws.title.lower() == "survey"]
        if not sheets and len(workbook.worksheets) == 1:
            sheets = workbook.worksheets
        if not sheets:
            return {}
        first = next(sheets[0].iter_rows(max_row=1, values_only=True), ())
        return {
            re.sub(r"\s+", " ", str(h).strip()): get_column_letter(n)
            for n, h in enumerate(first, start=1)
            if h is not None
        }
    finally:
        workbook.close()


def check_sheet_expressions(content, suffix):
    """Every expression of the survey sheet the evaluator cannot handle, as Swedish messages
    naming the sheet, row and column and the expression. [] if the sheet cannot be read here
    (then `check_definition` names the question instead)."""
    from pyxform.errors import PyXFormError
    from pyxform.xls2json_backends import get_xlsform

    try:
        rows = get_xlsform(io.BytesIO(content), file_type=suffix).survey or []
    except PyXFormError:
        return []  # pyxform read it a moment ago; should it not now, check_definition reports
    letters = _column_letters(content, suffix)
    errors = []
    # pyxform keeps empty rows, so that row n of the list is row n + 2 of the sheet.
    for number, row in enumerate(rows, start=2):
        for column, expr in row.items():
            key = EXPRESSION_COLUMNS.get(str(column).strip().lower())
            if key is None or expr in (None, ""):
                continue
            problem = expression_problem(expr, key)
            if problem is None:
                continue
            values = {"row": number, "column": column, "expr": expr, "err": problem}
            if column in letters:
                errors.append(
                    _(
                        "Bladet ”survey”, rad %(row)d, kolumn %(letter)s (”%(column)s”): "
                        "uttrycket ”%(expr)s” kan inte tolkas: %(err)s"
                    )
                    % {**values, "letter": letters[column]}
                )
            else:
                errors.append(
                    _(
                        "Bladet ”survey”, rad %(row)d, kolumnen ”%(column)s”: "
                        "uttrycket ”%(expr)s” kan inte tolkas: %(err)s"
                    )
                    % values
                )
    return errors


def check_definition(definition, categories=None, measures=None, skip_expressions=()):
    """Problems that pyxform accepts but this product cannot handle. Returns Swedish messages.
    Expressions already reported in `skip_expressions` (messages that quote them) are not
    reported again."""
    errors = []
    names = {}
    for node, repeat in walk(definition):
        name = node.get("name")
        kind = node.get("type")
        for key, expr in node_expressions(node):
            problem = expression_problem(expr, key)
            if problem is None or any(f"”{expr}”" in m for m in skip_expressions):
                continue
            if kind == "group":
                message = _("Gruppen ”%(name)s”: uttrycket ”%(expr)s” kan inte tolkas: %(err)s")
            elif kind == "repeat":
                message = _(
                    "Upprepningen ”%(name)s”: uttrycket ”%(expr)s” kan inte tolkas: %(err)s"
                )
            else:
                message = _("Frågan ”%(name)s”: uttrycket ”%(expr)s” kan inte tolkas: %(err)s")
            errors.append(message % {"name": name, "expr": expr, "err": problem})
        if kind in CONTAINER_TYPES:
            if kind == "repeat" and repeat is not None:
                errors.append(
                    _("Upprepningen ”%(name)s” ligger i en annan upprepning; det stöds inte.")
                    % {"name": name}
                )
            continue
        if kind not in FIELD_TYPES:
            errors.append(
                _("Frågan ”%(name)s” har typen ”%(type)s” som inte stöds.")
                % {"name": name, "type": kind}
            )
            continue
        if name in names:
            errors.append(_("Namnet ”%(name)s” används två gånger.") % {"name": name})
        names[name] = node
        if name in REPORT_INTEGER_FIELDS or name == "funds_sek":
            if kind != "integer":
                errors.append(
                    _("Frågan ”%(name)s” ska ha typen integer (hela kronor).") % {"name": name}
                )
        if categories is not None and name == "category" and repeat == INITIATIVES:
            unknown = [c["name"] for c in node.get("choices", []) if c["name"] not in categories]
            if unknown:
                errors.append(
                    _("Kategorierna %(cats)s finns inte i pottens lista över insatskategorier.")
                    % {"cats": ", ".join(unknown)}
                )
    if measures is not None:
        for code in measures:
            fname = measure_field_name(code)
            if fname in names and names[fname].get("type") != "integer":
                errors.append(_("Måttet ”%(name)s” ska ha typen integer.") % {"name": fname})
    return errors


# pyxform's spellings of yes and no (its aliases.yes_no).
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


# --- expressions ----------------------------------------------------------------------------


class ExpressionError(ValueError):
    pass


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<ref>\$\{[A-Za-z_][A-Za-z0-9_.\-]*\})
      | (?P<num>\d+(?:\.\d+)?|\.\d+)
      | (?P<str>'[^']*'|"[^"]*")
      | (?P<op>!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,)
      | (?P<name>[A-Za-z][A-Za-z0-9\-]*(?:\(\))?)
      | (?P<dot>\.)
    )""",
    re.VERBOSE,
)


def tokenize(text):
    tokens = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ExpressionError(_("oväntat tecken vid ”%(rest)s”") % {"rest": text[pos:]})
        pos = m.end()
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "ref":
            tokens.append(("ref", value[2:-1]))
        elif kind == "num":
            try:
                number = float(value) if "." in value else int(value)
                float(number)
            except (ValueError, OverflowError):
                raise ExpressionError(_("talet %(n)s är för stort") % {"n": value[:20]}) from None
            tokens.append(("num", number))
        elif kind == "str":
            tokens.append(("str", value[1:-1]))
        elif kind == "name":
            if value in ("and", "or", "div", "mod"):
                tokens.append(("op", value))
            elif value.endswith("()"):
                tokens.append(("func", value[:-2]))
                tokens.append(("op", "("))
                tokens.append(("op", ")"))
            else:
                tokens.append(("func", value))
        else:
            tokens.append((kind, value))
    return tokens


# Supported functions and how many arguments each takes.
FUNCTIONS = {
    "not": (1,),
    "selected": (2,),
    "count-selected": (0, 1),
    "string-length": (0, 1),
    "true": (0,),
    "false": (0,),
}
# Deeper expressions are refused: evaluating them recursively could exhaust Python's stack.
MAX_DEPTH = 100


class _Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else (None, None)

    def take(self, kind=None, value=None):
        tok = self.peek()
        if tok[0] is None or (kind and tok[0] != kind) or (value and tok[1] != value):
            raise ExpressionError(_("uttrycket är ofullständigt eller felaktigt"))
        self.pos += 1
        return tok

    def parse(self):
        node = self.or_expr()
        if self.pos != len(self.tokens):
            raise ExpressionError(_("oväntat ”%(tok)s”") % {"tok": self.peek()[1]})
        return node

    def binary(self, sub, ops):
        node = sub()
        while self.peek()[0] == "op" and self.peek()[1] in ops:
            op = self.take()[1]
            node = ("bin", op, node, sub())
        return node

    def or_expr(self):
        return self.binary(self.and_expr, ("or",))

    def and_expr(self):
        return self.binary(self.eq_expr, ("and",))

    def eq_expr(self):
        return self.binary(self.rel_expr, ("=", "!="))

    def rel_expr(self):
        return self.binary(self.add_expr, ("<", "<=", ">", ">="))

    def add_expr(self):
        return self.binary(self.mul_expr, ("+", "-"))

    def mul_expr(self):
        return self.binary(self.unary, ("*", "div", "mod"))

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        return self.primary()

    def primary(self):
        kind, value = self.peek()
        if kind in ("num", "str"):
            self.take()
            return ("lit", value)
        if kind == "ref":
            self.take()
            return ("ref", value)
        if kind == "dot":
            self.take()
            return ("dot",)
        if kind == "op" and value == "(":
            self.take()
            node = self.or_expr()
            self.take("op", ")")
            return node
        if kind == "func":
            if value not in FUNCTIONS:
                raise ExpressionError(_("funktionen ”%(f)s” stöds inte") % {"f": value})
            self.take()
            self.take("op", "(")
            args = []
            if self.peek() != ("op", ")"):
                args.append(self.or_expr())
                while self.peek() == ("op", ","):
                    self.take()
                    args.append(self.or_expr())
            self.take("op", ")")
            if len(args) not in FUNCTIONS[value]:
                raise ExpressionError(
                    _("fel antal argument till funktionen ”%(f)s”") % {"f": value}
                )
            return ("call", value, args)
        raise ExpressionError(_("uttrycket är ofullständigt eller felaktigt"))


_parsed = {}


def _depth(tree):
    """The nesting depth of a parsed expression (counted without recursion)."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if node[0] in ("bin",):
            stack += [(node[2], depth + 1), (node[3], depth + 1)]
        elif node[0] == "neg":
            stack.append((node[1], depth + 1))
        elif node[0] == "call":
            stack += [(arg, depth + 1) for arg in node[2]]
    return deepest


def parse_expression(text):
    """The parse tree of `text`; raises ExpressionError for anything the evaluator cannot
    handle (syntax, unsupported functions, wrong number of arguments, too deep nesting)."""
    if not isinstance(text, str):
        raise ExpressionError(_("uttrycket är inte en text"))
    if text not in _parsed:
        try:
            tree = _Parser(tokenize(text)).parse()
        except RecursionError:
            raise ExpressionError(_("uttrycket är för djupt nästlat")) from None
        if _depth(tree) > MAX_DEPTH:
            raise ExpressionError(_("uttrycket är för djupt nästlat"))
        if len(_parsed) > 10_000:
            _parsed.clear()
        _parsed[text] = tree
    return _parsed[text]


def references(text):
    return [value for kind, value in tokenize(text) if kind == "ref"]


def _as_string(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _as_number(value):
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(_as_string(value).strip().replace(",", ".").replace("\u00a0", ""))
    except ValueError:
        return float("nan")


def _as_bool(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0 and value == value
    if isinstance(value, list | tuple):
        return bool(value)
    return value not in (None, "")


def _compare(op, left, right):
    numeric = (
        op in ("<", "<=", ">", ">=")
        or isinstance(left, int | float)
        and not isinstance(left, bool)
        or isinstance(right, int | float)
        and not isinstance(right, bool)
    )
    if isinstance(left, bool) or isinstance(right, bool):
        a, b = _as_bool(left), _as_bool(right)
    elif numeric:
        a, b = _as_number(left), _as_number(right)
        if a != a or b != b:  # NaN: XPath comparisons are false, except !=
            return op == "!="
    else:
        a, b = _as_string(left), _as_string(right)
    return {
        "=": a == b,
        "!=": a != b,
        "<": a < b,
        "<=": a <= b,
        ">": a > b,
        ">=": a >= b,
    }[op]


def evaluate(expression, lookup, current=None):
    """Evaluate an XPath expression. `lookup(name)` returns the answer of `${name}` (str, number,
    list or None); `current` is the answer `.` refers to. Returns a Python value. Raises
    ExpressionError for an expression it cannot handle."""
    tree = parse_expression(expression)
    try:
        return _eval(tree, lookup, current)
    except (RecursionError, OverflowError) as exc:
        raise ExpressionError(_("uttrycket kan inte beräknas")) from exc


def _eval(node, lookup, current):
    kind = node[0]
    if kind == "lit":
        return node[1]
    if kind == "ref":
        return lookup(node[1])
    if kind == "dot":
        return current
    if kind == "neg":
        return -_as_number(_eval(node[1], lookup, current))
    if kind == "bin":
        op = node[1]
        if op == "and":
            return _as_bool(_eval(node[2], lookup, current)) and _as_bool(
                _eval(node[3], lookup, current)
            )
        if op == "or":
            return _as_bool(_eval(node[2], lookup, current)) or _as_bool(
                _eval(node[3], lookup, current)
            )
        left = _eval(node[2], lookup, current)
        right = _eval(node[3], lookup, current)
        if op in ("=", "!=", "<", "<=", ">", ">="):
            return _compare(op, left, right)
        a, b = _as_number(left), _as_number(right)
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "div":
            return a / b if b else float("nan")
        return a % b if b else float("nan")
    if kind == "call":
        name, args = node[1], [_eval(a, lookup, current) for a in node[2]]
        if name == "true":
            return True
        if name == "false":
            return False
        if name == "not":
            return not _as_bool(args[0]) if args else True
        if name == "selected":
            if len(args) != 2:
                raise ExpressionError(_("selected() tar två argument"))
            return _as_string(args[1]) in _as_string(args[0]).split()
        if name == "count-selected":
            return float(len(_as_string(args[0] if args else current).split()))
        if name == "string-length":
            return float(len(_as_string(args[0] if args else current)))
    raise ExpressionError(_("okänt uttryck"))


def is_true(expression, lookup, current=None, default=True):
    """The expression as a condition; `default` when it is empty or cannot be evaluated (a
    definition stored before the upload checks: show the question, accept the answer)."""
    if expression in (None, ""):
        return default
    try:
        return _as_bool(evaluate(expression, lookup, current))
    except ExpressionError:
        return default


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
