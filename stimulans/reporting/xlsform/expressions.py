"""The expression language of XLSForm (`relevant`, `constraint`, `required`, `calculation`,
`choice_filter`, dynamic `default`): XPath 1.0 with ODK's functions
(getodk.github.io/xforms-spec, "XPath functions") and ODK's typing, by a small
recursive-descent parser and evaluator (it never calls Python's eval()).

References: `${name}` (any Unicode name, e.g. `${ålder}`), `.` (the current answer),
`../name` and `/data/…/name` (pyxform writes these for `or_other`; a name is unique in the form,
so a path means the question of its last step), and in a `choice_filter` bare names, the
columns of the choice row (`lan = ${lan}`). Values are typed as ODK types them: `lookup(name)`
gives int/float for numbers, `datetime.date`/`datetime`/`time` for dates and times, str for
text and selections (space separated), `NodeSet` for a repeat or a question in one seen from
outside it. Dates compare as dates (also with an ISO date text), numbers as numbers.

`is_true` gives its default for an expression it cannot evaluate. Why the home-made
evaluator and not libxml2's XPath through lxml: `benchmarks/xlsform_expressions.py` and
docs/xlsform.md."""

import datetime
import math
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from stimulans.lib.numbers import parse_int


class ExpressionError(ValueError):
    pass


class NodeSet(tuple):  # type: ignore[type-arg]
    """The values of a repeated question, or the rows of a repeat (XPath node-set)."""


_NAME = r"[^\W\d][\w\-]*(?:\.[\w\-]+)*"
_TOKEN = re.compile(
    rf"""\s*(?:
        (?P<ref>\$\{{{_NAME}\}})
      | (?P<path>(?:\.\./)+{_NAME}(?:/(?:{_NAME}|\.\.))*|(?:/(?:{_NAME}|\.\.))+)
      | (?P<num>\d+(?:\.\d*)?|\.\d+)
      | (?P<str>'[^']*'|"[^"]*")
      | (?P<op>!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,)
      | (?P<name>{_NAME}(?::{_NAME})?)
      | (?P<parent>\.\.)
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
            if text[pos:].lstrip()[:1] in "‘’“”´`":
                raise ExpressionError(
                    _("typografiskt citattecken vid ”%(rest)s”; skriv texten inom ' eller \"")
                    % {"rest": text[pos:]}
                )
            raise ExpressionError(_("oväntat tecken vid ”%(rest)s”") % {"rest": text[pos:]})
        pos = m.end()
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "ref":
            tokens.append(("ref", value[2:-1]))
        elif kind == "path":
            tokens.append(("ref", value.rsplit("/", 1)[-1]))
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
            previous = tokens[-1] if tokens else ("op", "(")
            operand_before = previous[0] in ("ref", "num", "str", "child", "dot") or previous == (
                "op",
                ")",
            )
            if operand_before and value in ("and", "or", "div", "mod"):
                tokens.append(("op", value))
            elif text[pos:].lstrip().startswith("("):
                tokens.append(("func", value))
            else:
                tokens.append(("child", value))
        elif kind == "parent":
            tokens.append(("parent", value))
        else:
            tokens.append((kind, value))
    return tokens


_ANY = 99
# The functions of ODK's XPath that make sense in an organisation's report, with the least and
# most arguments each takes. Left out: random(), uuid(), digest(), geo functions, pulldata()
# (external files), version().
FUNCTIONS = {
    "not": (1, 1),
    "true": (0, 0),
    "false": (0, 0),
    "boolean": (1, 1),
    "boolean-from-string": (1, 1),
    "if": (3, 3),
    "coalesce": (2, 2),
    "once": (1, 1),
    "selected": (2, 2),
    "selected-at": (2, 2),
    "count-selected": (0, 1),
    "jr:choice-name": (2, 2),
    "string-length": (0, 1),
    "string": (0, 1),
    "concat": (0, _ANY),
    "join": (2, _ANY),
    "substr": (2, 3),
    "substring": (2, 3),
    "substring-before": (2, 2),
    "substring-after": (2, 2),
    "translate": (3, 3),
    "normalize-space": (0, 1),
    "contains": (2, 2),
    "starts-with": (2, 2),
    "ends-with": (2, 2),
    "regex": (2, 2),
    "number": (0, 1),
    "int": (1, 1),
    "round": (1, 2),
    "floor": (1, 1),
    "ceiling": (1, 1),
    "abs": (1, 1),
    "pow": (2, 2),
    "sqrt": (1, 1),
    "exp": (1, 1),
    "exp10": (1, 1),
    "log": (1, 1),
    "log10": (1, 1),
    "pi": (0, 0),
    "sin": (1, 1),
    "cos": (1, 1),
    "tan": (1, 1),
    "asin": (1, 1),
    "acos": (1, 1),
    "atan": (1, 1),
    "atan2": (2, 2),
    "sum": (1, 1),
    "count": (1, 1),
    "count-non-empty": (1, 1),
    "max": (1, _ANY),
    "min": (1, _ANY),
    "position": (0, 1),
    "indexed-repeat": (3, 3),
    "checklist": (3, _ANY),
    "weighted-checklist": (3, _ANY),
    "today": (0, 0),
    "now": (0, 0),
    "date": (1, 1),
    "date-time": (1, 1),
    "decimal-date-time": (1, 1),
    "decimal-time": (1, 1),
    "format-date": (2, 2),
    "format-date-time": (2, 2),
}
EXTERNAL_FUNCTIONS = {"pulldata", "instance"}
# Deeper expressions are refused: evaluating them recursively could exhaust Python's stack.
MAX_DEPTH = 100
# Longest text a regex() is applied to (the answers are form inputs; a pattern written by the
# form's author cannot then take long on them).
REGEX_MAX_INPUT = 10_000


class _Parser:
    def __init__(self, tokens, allow_children):
        self.tokens = tokens
        self.pos = 0
        self.allow_children = allow_children

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
        if kind == "child":
            self.take()
            if not self.allow_children:
                raise ExpressionError(
                    _("”%(name)s” är varken en funktion eller en referens; skriv ${%(name)s}")
                    % {"name": value}
                )
            return ("child", value)
        if kind == "dot":
            self.take()
            return ("dot",)
        if kind == "parent":  # the enclosing group or repeat row, as in position(..)
            self.take()
            return ("parent",)
        if kind == "op" and value == "(":
            self.take()
            node = self.or_expr()
            self.take("op", ")")
            return node
        if kind == "func":
            if value in EXTERNAL_FUNCTIONS:
                raise ExpressionError(
                    _("funktionen ”%(f)s” hämtar data från en bifogad fil, vilket inte stöds")
                    % {"f": value}
                )
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
            least, most = FUNCTIONS[value]
            if not least <= len(args) <= most:
                raise ExpressionError(
                    _("fel antal argument till funktionen ”%(f)s”") % {"f": value}
                )
            return ("call", value, args)
        raise ExpressionError(_("uttrycket är ofullständigt eller felaktigt"))


_parsed: dict[tuple[str, bool], Any] = {}


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


def parse_expression(text, choice_filter=False):
    """The parse tree of `text`; raises ExpressionError for anything the evaluator cannot
    handle (syntax, unsupported functions, wrong number of arguments, too deep nesting).
    `choice_filter`: bare names are the choice row's columns."""
    if not isinstance(text, str):
        raise ExpressionError(_("uttrycket är inte en text"))
    key = (text, choice_filter)
    if key not in _parsed:
        try:
            tree = _Parser(tokenize(text), choice_filter).parse()
        except RecursionError:
            raise ExpressionError(_("uttrycket är för djupt nästlat")) from None
        if _depth(tree) > MAX_DEPTH:
            raise ExpressionError(_("uttrycket är för djupt nästlat"))
        if len(_parsed) > 10_000:
            _parsed.clear()
        _parsed[key] = tree
    return _parsed[key]


def references(text):
    return [value for kind, value in tokenize(text) if kind == "ref"]


EPOCH = datetime.date(1970, 1, 1)


def _first(value):
    if isinstance(value, NodeSet):
        return value[0] if value else ""
    return value


def _number_text(number):
    if number != number:
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if float(number).is_integer():
        return str(int(number))
    return repr(float(number))


def as_string(value):
    """XPath string(): numbers without a needless `.0`, dates as ISO 8601, booleans as
    true/false, a node-set as its first node."""
    value = _first(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number_text(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ""
    return str(value)


def _days(value):
    """A date or date-time as ODK's number: days since 1970-01-01 (fractional for a time)."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)
        delta = value - datetime.datetime(1970, 1, 1)
        return delta.total_seconds() / 86400
    return float((value - EPOCH).days)


def as_number(value):
    value = _first(value)
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return _days(value)
    if isinstance(value, datetime.time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    text = as_string(value).strip().replace("\u00a0", "").replace(" ", "")
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return float("nan")


def as_bool(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0 and value == value
    if isinstance(value, list | tuple):  # a node-set: not empty
        return bool(value)
    return value not in (None, "")


def parse_date(value):
    """A date, date-time or time from its ISO text (as forms and ODK write them), or None."""
    if isinstance(value, datetime.date | datetime.time):
        return value
    text = as_string(value).strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*", text):
            return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        if re.fullmatch(r"\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?", text):
            return datetime.time.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return None


def _is_temporal(value):
    return isinstance(value, datetime.date | datetime.time)


def _compare_atoms(op, a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        x, y = as_bool(a), as_bool(b)
    elif _is_temporal(a) or _is_temporal(b):
        # ODK: dates compare as dates; an ISO text on the other side is read as one.
        x, y = _as_temporal(a), _as_temporal(b)
        if isinstance(x, datetime.time) and isinstance(y, datetime.time):
            x, y = x.replace(tzinfo=None), y.replace(tzinfo=None)
        else:
            x, y = as_number(x), as_number(y)
            if x != x or y != y:
                return op == "!="
    elif op in ("<", "<=", ">", ">=") or _numeric(a) or _numeric(b):
        x, y = as_number(a), as_number(b)
        if x != x or y != y:  # NaN: XPath comparisons are false, except !=
            return op == "!="
    else:
        x, y = as_string(a), as_string(b)
    return {
        "=": x == y,
        "!=": x != y,
        "<": x < y,
        "<=": x <= y,
        ">": x > y,
        ">=": x >= y,
    }[op]


def _as_temporal(value):
    if _is_temporal(value) or _numeric(value):
        return value
    parsed = parse_date(value)
    return float("nan") if parsed is None else parsed


def _numeric(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


def _compare(op, left, right):
    """XPath comparison; a node-set compares true if any of its nodes does."""
    lefts = left if isinstance(left, NodeSet) else (left,)
    rights = right if isinstance(right, NodeSet) else (right,)
    if isinstance(left, NodeSet) and isinstance(right, bool):
        return _compare_atoms(op, as_bool(left), right)
    if isinstance(right, NodeSet) and isinstance(left, bool):
        return _compare_atoms(op, left, as_bool(right))
    return any(_compare_atoms(op, a, b) for a in lefts for b in rights)


class Context:
    """What an evaluation reads: `lookup(name)` (typed answers), `current` (`.`), `item` (the
    choice row of a choice_filter), and `choices(name)` ({choice name: label} of a question,
    for jr:choice-name; a `choices` attribute of `lookup` if it has one)."""

    def __init__(self, lookup, current=None, item=None):
        self.lookup = lookup
        self.current = current
        self.item = item
        self.choices: Callable[[str], dict[str, str]] = getattr(lookup, "choices", lambda name: {})
        self.position: Callable[[], int] = getattr(lookup, "position", lambda: 1)


def evaluate(expression, lookup, current=None, item=None):
    """Evaluate an XPath expression. `lookup(name)` returns the typed answer of `${name}`;
    `current` is the answer `.` refers to; `item` the choice row (a dict) of a choice_filter.
    Returns a Python value. Raises ExpressionError for an expression it cannot handle."""
    tree = parse_expression(expression, choice_filter=item is not None)
    try:
        return _eval(tree, Context(lookup, current, item))
    except (RecursionError, OverflowError, ValueError, ZeroDivisionError) as exc:
        if isinstance(exc, ExpressionError):
            raise
        raise ExpressionError(_("uttrycket kan inte beräknas")) from exc


def _eval(node, ctx):
    kind = node[0]
    if kind == "lit":
        return node[1]
    if kind == "ref":
        return ctx.lookup(node[1])
    if kind == "child":
        return "" if ctx.item is None else as_string(ctx.item.get(node[1], ""))
    if kind == "dot":
        return ctx.current
    if kind == "parent":
        return ""
    if kind == "neg":
        return -as_number(_eval(node[1], ctx))
    if kind == "bin":
        op = node[1]
        if op == "and":
            return as_bool(_eval(node[2], ctx)) and as_bool(_eval(node[3], ctx))
        if op == "or":
            return as_bool(_eval(node[2], ctx)) or as_bool(_eval(node[3], ctx))
        left = _eval(node[2], ctx)
        right = _eval(node[3], ctx)
        if op in ("=", "!=", "<", "<=", ">", ">="):
            return _compare(op, left, right)
        return _arithmetic(op, left, right)
    if kind == "call":
        name, arg_nodes = node[1], node[2]
        if name == "if":  # only the branch taken is evaluated
            taken = arg_nodes[1] if as_bool(_eval(arg_nodes[0], ctx)) else arg_nodes[2]
            return _eval(taken, ctx)
        if name == "coalesce":
            first = _eval(arg_nodes[0], ctx)
            return first if as_string(first) != "" else _eval(arg_nodes[1], ctx)
        return _call(name, [_eval(a, ctx) for a in arg_nodes], ctx)
    raise ExpressionError(_("okänt uttryck"))


def _arithmetic(op, left, right):
    # A date plus or minus a number of days is a number (ODK); date() turns it back.
    a, b = as_number(left), as_number(right)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "div":
        if b == 0:
            return (
                float("nan")
                if a == 0 or a != a
                else math.copysign(math.inf, a) * (math.copysign(1, b))
            )
        return a / b
    if b == 0 or a != a or b != b or math.isinf(a):
        return float("nan")
    return math.fmod(a, b)  # XPath mod keeps the sign of the dividend


def _nodes(value):
    if isinstance(value, NodeSet):
        return list(value)
    return [value]


def _round(number, places=0):
    if number != number or math.isinf(number):
        return number
    quantum = Decimal(1).scaleb(-int(places))
    return float(Decimal(repr(number)).quantize(quantum, rounding=ROUND_HALF_UP))


def _to_date(value):
    if _is_temporal(value) and not isinstance(value, datetime.time):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value != value or math.isinf(value):
            return ""
        return datetime.datetime(1970, 1, 1) + datetime.timedelta(days=float(value))
    parsed = parse_date(value)
    if parsed is None or isinstance(parsed, datetime.time):
        number = as_number(value)
        if number == number and as_string(value).strip():
            return _to_date(number)
        return ""
    return parsed


def _date_only(value):
    value = _to_date(value)
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time() else value
    return value


_FORMATS = {
    "%Y": "%Y",
    "%y": "%y",
    "%m": "%m",
    "%n": "%-m",
    "%b": "%b",
    "%d": "%d",
    "%e": "%-d",
    "%a": "%a",
    "%H": "%H",
    "%h": "%-H",
    "%M": "%M",
    "%S": "%S",
    "%3": "%f",
}


def _format_date(value, pattern):
    moment = _to_date(value)
    if moment == "":
        return ""
    if not isinstance(moment, datetime.datetime):
        moment = datetime.datetime.combine(moment, datetime.time())
    out = []
    i = 0
    pattern = as_string(pattern)
    while i < len(pattern):
        code = pattern[i : i + 2]
        if code in _FORMATS:
            if code == "%n":
                out.append(str(moment.month))
            elif code == "%e":
                out.append(str(moment.day))
            elif code == "%h":
                out.append(str(moment.hour))
            elif code == "%3":
                out.append(f"{moment.microsecond // 1000:03d}")
            else:
                out.append(moment.strftime(_FORMATS[code]))
            i += 2
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


def _substr(text, start, end=None):
    """ODK substr(string, start[, end]): zero-based start, end exclusive."""
    n = len(text)
    s = int(as_number(start))
    e = n if end is None else int(as_number(end))
    if s < 0:
        s = max(n + s, 0)
    if e < 0:
        e = max(n + e, 0)
    return text[s:e]


def _xpath_substring(text, start, length=None):
    """XPath 1.0 substring(): one-based, rounded positions."""
    s = _round(as_number(start))
    if s != s:
        return ""
    end = math.inf if length is None else s + _round(as_number(length))
    if end != end:
        return ""
    return "".join(c for i, c in enumerate(text, start=1) if s <= i < end)


def _call(name, args, ctx):
    text = [as_string(a) for a in args] if name not in _NODESET_FUNCTIONS else []
    if name == "true":
        return True
    if name == "false":
        return False
    if name == "not":
        return not as_bool(args[0])
    if name == "boolean":
        return as_bool(args[0])
    if name == "boolean-from-string":
        return text[0] in ("true", "1")
    if name == "once":
        return args[0]
    if name == "selected":
        return text[1].strip() in text[0].split()
    if name == "selected-at":
        picked = text[0].split()
        index = int(as_number(args[1])) if as_number(args[1]) == as_number(args[1]) else -1
        return picked[index] if 0 <= index < len(picked) else ""
    if name == "count-selected":
        return float(len((text[0] if args else as_string(ctx.current)).split()))
    if name == "jr:choice-name":
        question = re.sub(r"^\$\{(.*)\}$", r"\1", text[1].strip()).rsplit("/", 1)[-1]
        return as_string(ctx.choices(question).get(text[0], ""))
    if name == "string-length":
        return float(len(text[0] if args else as_string(ctx.current)))
    if name == "string":
        return text[0] if args else as_string(ctx.current)
    if name == "concat":
        return "".join(as_string(v) for a in args for v in _nodes(a))
    if name == "join":
        return as_string(args[0]).join(as_string(v) for a in args[1:] for v in _nodes(a))
    if name == "substr":
        return _substr(text[0], args[1], args[2] if len(args) > 2 else None)
    if name == "substring":
        return _xpath_substring(text[0], args[1], args[2] if len(args) > 2 else None)
    if name == "substring-before":
        return text[0].split(text[1], 1)[0] if text[1] in text[0] else ""
    if name == "substring-after":
        return text[0].split(text[1], 1)[1] if text[1] in text[0] else ""
    if name == "translate":
        table = {}
        for i, c in enumerate(text[1]):
            table.setdefault(ord(c), text[2][i] if i < len(text[2]) else None)
        return text[0].translate(table)
    if name == "normalize-space":
        return " ".join((text[0] if args else as_string(ctx.current)).split())
    if name == "contains":
        return text[1] in text[0]
    if name == "starts-with":
        return text[0].startswith(text[1])
    if name == "ends-with":
        return text[0].endswith(text[1])
    if name == "regex":
        try:
            pattern = re.compile(text[1])
        except re.error as exc:
            raise ExpressionError(_("det reguljära uttrycket är felaktigt")) from exc
        return pattern.search(text[0][:REGEX_MAX_INPUT]) is not None
    return _numeric_call(name, args, ctx)


_NODESET_FUNCTIONS = {
    "sum",
    "count",
    "count-non-empty",
    "max",
    "min",
    "indexed-repeat",
    "position",
    "checklist",
    "weighted-checklist",
    "concat",
    "join",
}


def _numeric_call(name, args, ctx):
    if name == "number":
        return as_number(args[0] if args else ctx.current)
    if name == "int":
        number = as_number(args[0])
        return number if number != number or math.isinf(number) else float(math.trunc(number))
    if name == "round":
        number = as_number(args[0])
        if len(args) == 1:  # XPath 1.0: a half rounds towards positive infinity
            return number if number != number or math.isinf(number) else math.floor(number + 0.5)
        places = as_number(args[1])
        return _round(number, places if places == places else 0)
    if name in ("floor", "ceiling", "abs", "sqrt", "exp", "exp10", "log", "log10"):
        return _math(name, as_number(args[0]))
    if name in ("sin", "cos", "tan", "asin", "acos", "atan"):
        try:
            return getattr(math, name)(as_number(args[0]))
        except ValueError:
            return float("nan")
    if name == "atan2":
        return math.atan2(as_number(args[0]), as_number(args[1]))
    if name == "pi":
        return math.pi
    if name == "pow":
        try:
            return math.pow(as_number(args[0]), as_number(args[1]))
        except (ValueError, OverflowError):
            return float("nan")
    if name == "sum":
        return (
            float(sum(as_number(v) for v in _nodes(args[0]) if as_string(v) != ""))
            if (isinstance(args[0], NodeSet))
            else as_number(args[0])
        )
    if name == "count":
        return float(len(args[0])) if isinstance(args[0], NodeSet) else 1.0
    if name == "count-non-empty":
        return float(sum(1 for v in _nodes(args[0]) if as_string(v) != ""))
    if name in ("max", "min"):
        numbers = [as_number(v) for a in args for v in _nodes(a) if as_string(v) != ""]
        if not numbers or any(n != n for n in numbers):
            return float("nan")
        return max(numbers) if name == "max" else min(numbers)
    if name == "position":
        return float(ctx.position())
    if name == "indexed-repeat":
        values = _nodes(args[0])
        index = as_number(args[2])
        if index != index or not 1 <= index <= len(values):
            return ""
        return values[int(index) - 1]
    if name in ("checklist", "weighted-checklist"):
        return _checklist(name, args)
    return _date_call(name, args)


def _math(name, number):
    if number != number:
        return number
    try:
        if name == "floor":
            return float(math.floor(number)) if not math.isinf(number) else number
        if name == "ceiling":
            return float(math.ceil(number)) if not math.isinf(number) else number
        if name == "abs":
            return abs(number)
        if name == "sqrt":
            return math.sqrt(number)
        if name == "exp":
            return math.exp(number)
        if name == "exp10":
            return math.pow(10, number)
        if name == "log":
            return math.log(number)
        return math.log10(number)
    except (ValueError, OverflowError):
        return float("nan")


def _checklist(name, args):
    least, most = as_number(args[0]), as_number(args[1])
    if name == "checklist":
        score = sum(1 for a in args[2:] for v in _nodes(a) if as_bool_answer(v))
    else:
        rest = args[2:]
        pairs = list(zip(rest[0::2], rest[1::2], strict=False))
        score = sum(as_number(w) for v, w in pairs if as_bool_answer(v))
    return (least < 0 or score >= least) and (most < 0 or score <= most)


def as_bool_answer(value):
    """ODK's checklist reads an answer as yes: true, "true" or "1"."""
    return value is True or as_string(value).strip().lower() in ("true", "1", "yes")


def _date_call(name, args):
    if name == "today":
        return datetime.date.today()
    if name == "now":
        return datetime.datetime.now().replace(microsecond=0)
    if name == "date":
        return _date_only(args[0])
    if name == "date-time":
        moment = _to_date(args[0])
        if isinstance(moment, datetime.date) and not isinstance(moment, datetime.datetime):
            moment = datetime.datetime.combine(moment, datetime.time())
        return moment
    if name == "decimal-date-time":
        moment = _to_date(args[0])
        return float("nan") if moment == "" else as_number(moment)
    if name == "decimal-time":
        moment = parse_date(args[0])
        if isinstance(moment, datetime.datetime):
            moment = moment.time()
        if not isinstance(moment, datetime.time):
            return float("nan")
        return (moment.hour * 3600 + moment.minute * 60 + moment.second) / 86400
    if name in ("format-date", "format-date-time"):
        return _format_date(args[0], args[1])
    raise ExpressionError(_("okänt uttryck"))


def is_true(expression, lookup, current=None, default=True, item=None):
    """The expression as a condition; `default` when it is empty or cannot be evaluated (a
    definition stored before the upload checks: show the question, accept the answer)."""
    if expression in (None, ""):
        return default
    try:
        return as_bool(evaluate(expression, lookup, current, item=item))
    except ExpressionError:
        return default


def typed_value(kind, value):
    """An answer as ODK types it for expressions: numbers for integer/decimal/range (an
    integer typed "1 200" is 1200), dates and times for date/time/dateTime, selections as one
    space-separated text. A value that does not read as its type stays text (NaN as number)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple) and not isinstance(value, NodeSet):
        return " ".join(str(v) for v in value)
    if value == "" or not isinstance(value, str | int | float):
        return value
    if kind == "integer":
        try:
            number = parse_int(value)
        except ValueError:
            return value
        return "" if number is None else number
    if kind in ("decimal", "range"):
        if isinstance(value, int | float):
            return value
        try:
            return float(Decimal(value.replace(",", ".").replace(" ", "").replace("\u00a0", "")))
        except (InvalidOperation, ValueError):
            return value
    if kind in ("date", "dateTime", "time"):
        parsed = parse_date(value)
        return value if parsed is None else parsed
    return value
