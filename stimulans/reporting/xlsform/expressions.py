"""The expression language of XLSForm `relevant` / `constraint` / `required`: a small
recursive-descent parser and evaluator (it never calls Python's eval()). `${field}`
references, `.` (the current answer), numbers and strings, `= != < <= > >=`, `+ - * div mod`,
`and`, `or`, `not()`, `selected()`, `count-selected()`, `string-length()`, `true()`,
`false()`. `is_true` gives its default for an expression it cannot evaluate."""

import re
from typing import Any

from django.utils.translation import gettext as _

from stimulans.lib.text import value_text


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


_parsed: dict[str, Any] = {}


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


_as_string = value_text


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
