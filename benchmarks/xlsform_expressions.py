"""The home-made XLSForm evaluator (`reporting.xlsform.expressions`) against libxml2's XPath 1.0
through lxml with ODK's functions registered as extension functions: agreement and speed, on
demand (not in `make test`).

    .venv/bin/python benchmarks/xlsform_expressions.py [--forms DIR] [--repeat 2000]

The lxml side is what an XForms engine does: the answers become an XML instance (`<data>` with
one element per question, repeat rows as repeated elements, integers written without spaces),
`${name}` becomes the question's absolute path as pyxform writes it, `.` the question's node,
and the ODK functions XPath 1.0 lacks (if, coalesce, regex, selected, count-selected,
jr:choice-name, today, date, format-date, int, pow, min, max, ends-with, substr, ...) are
Python extension functions. Both evaluate every case; a case agrees when both give the same
boolean, number (to 1e-9) or text (dates as ISO text).

Cases: typical relevant / constraint / calculation expressions over the test form
`reporting/tests/xlsforms.FEATURES`, and with `--forms DIR` every expression of every XLSForm
under DIR that the upload accepts, evaluated with generated answers (one per question: text
"abc", integer "1 200", decimal "2.5", date 2020-05-01, the first choice, ...).
The figures are in docs/xlsform.md.
"""

import argparse
import datetime
import math
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stimulans.settings")

JR = "http://openrosa.org/javarosa"

CASES = [
    # (expression, answers, name of the question `.` is, or None)
    (". > 0", {"ålder": "1 200"}, "ålder"),
    (". >= ${startdatum}", {"startdatum": "2020-01-01", "slutdatum": "2020-05-01"}, "slutdatum"),
    (". >= ${startdatum}", {"startdatum": "2020-06-01", "slutdatum": "2020-05-01"}, "slutdatum"),
    (". > '2020-01-01'", {"slutdatum": "2020-05-01"}, "slutdatum"),
    (". = '2020-05-01'", {"slutdatum": "2020-05-01"}, "slutdatum"),
    ("${tid} < '12:00'", {"tid": "09:30"}, None),
    ("${mote} > ${startdatum}", {"mote": "2020-01-15T10:00", "startdatum": "2020-01-14"}, None),
    ("today() > '2020-01-01'", {}, None),
    ("${ålder} > 10", {"ålder": "150"}, None),
    ("${ålder} * 2", {"ålder": "150"}, None),
    ("../ålder > 100", {"ålder": "150", "andel": "1"}, "andel"),
    ("${lan} = '01'", {"lan": "01"}, None),
    ("${lan} = 1", {"lan": "01"}, None),
    ("selected(${stod}, 'other')", {"stod": "other"}, None),
    ("count-selected(${stod}) = 1", {"stod": "ja"}, None),
    ("not(${stod} = 'ja')", {"stod": "nej"}, None),
    ("string-length(.) <= 10", {"radnamn": "abcdef"}, None),
    ("if(${ålder} > 100, 'stor', 'liten')", {"ålder": "150"}, None),
    ("coalesce(${andel}, 0)", {}, None),
    ("concat(${lan}, '-', ${kommun})", {"lan": "01", "kommun": "0180"}, None),
    ("regex(${radnamn}, '^[A-Z]')", {"rader": [{"radnamn": "Anna", "radantal": "1"}]}, None),
    ("round(${andel}, 1)", {"andel": "2.45"}, None),
    ("round(2.5)", {}, None),
    ("int(${andel})", {"andel": "2.9"}, None),
    ("number(${andel}) + 1", {"andel": "2.5"}, None),
    ("sum(${radantal}) > 5", {"rader": [{"radantal": "3"}, {"radantal": "4"}]}, None),
    ("count(${rader})", {"rader": [{"radantal": "3"}, {"radantal": "4"}]}, None),
    ("contains(${radnamn}, 'nn')", {"rader": [{"radnamn": "Anna"}]}, None),
    ("starts-with(${kommun}, '01')", {"kommun": "0180"}, None),
    ("ends-with(${kommun}, '80')", {"kommun": "0180"}, None),
    ("substr(${kommun}, 0, 2)", {"kommun": "0180"}, None),
    ("jr:choice-name(${lan}, '${lan}')", {"lan": "03"}, None),
    ("format-date(${startdatum}, '%Y')", {"startdatum": "2020-01-14"}, None),
    ("decimal-date-time(${startdatum})", {"startdatum": "2020-01-14"}, None),
    ("date(${startdatum}) + 1 > ${startdatum}", {"startdatum": "2020-01-14"}, None),
    ("${andel} >= 0 and ${andel} <= 100", {"andel": "12.5"}, None),
    ("pow(${ålder}, 2)", {"ålder": "12"}, None),
    ("max(${radantal})", {"rader": [{"radantal": "3"}, {"radantal": "4"}]}, None),
    ("${dubbelt} = 300", {"ålder": "150"}, None),
    ("true() and not(false())", {}, None),
]


def setup():
    import django

    django.setup()


def features_definition():
    from stimulans.reporting import xlsform
    from stimulans.reporting.tests.xlsforms import features_form

    return xlsform.parse_xlsform(features_form(), "prov.xlsx")


def home_made(definition, expr, values, current, lookup=None):
    from stimulans.reporting import xlsform

    lookup = lookup or xlsform.Answers(definition, values)
    node_value = None
    if current:
        node, _repeat = xlsform.field_index(definition)[current]
        rows = values.get(_repeat) if _repeat else None
        raw = rows[0].get(current) if rows else values.get(current)
        node_value = xlsform.typed_value(node.get("type"), raw)
        if rows:
            lookup = lookup.row(_repeat, rows[0], 0)
    return xlsform.evaluate(expr, lookup, current=node_value)


class LxmlEngine:
    """ODK's XPath on libxml2: an instance document and ODK's functions as extensions."""

    def __init__(self, definition):
        from lxml import etree

        from stimulans.reporting import xlsform

        self.etree = etree
        self.definition = definition
        self.paths = {}
        self._walk(definition, "/data")
        self.index = xlsform.field_index(definition)
        self.xlsform = xlsform
        self.compiled = {}
        self._register()

    def _walk(self, node, path):
        for child in node.get("children", []):
            if child.get("name") == "meta":
                continue
            child_path = f"{path}/{child['name']}"
            self.paths[child["name"]] = child_path
            if "children" in child:
                self._walk(child, child_path)

    def instance(self, values):
        from stimulans.lib.numbers import parse_int

        etree = self.etree
        root = etree.Element("data")

        def fill(parent, node, source):
            for child in node.get("children", []):
                name = child.get("name")
                if name == "meta":
                    continue
                kind = child.get("type")
                if kind == "repeat":
                    # The generated answers keep an inner repeat's rows at the top.
                    for row in source.get(name) or values.get(name) or []:
                        element = etree.SubElement(parent, name)
                        fill(element, child, row)
                    continue
                element = etree.SubElement(parent, name)
                if kind == "group":
                    fill(element, child, source)
                    continue
                value = source.get(name)
                if kind == "calculate":
                    value = self.xlsform.Answers(self.definition, values)(name)
                elif kind == "hidden":
                    value = child.get("default", "")
                elif kind == "integer" and value not in (None, ""):
                    try:
                        value = str(parse_int(value))
                    except ValueError:
                        pass
                elif isinstance(value, list):
                    value = " ".join(value)
                element.text = "" if value is None else str(value)

        fill(root, self.definition, values)
        return root

    def translate(self, expr):
        def path(match):
            return self.paths.get(match.group(1), match.group(0))

        expr = re.sub(r"\$\{([^}]+)\}", path, expr)
        # jr:choice-name's second argument is the question's path as a string.
        return expr

    def evaluate(self, expr, values, current, doc=None):
        doc = self.instance(values) if doc is None else doc
        context = doc
        if current:
            found = doc.xpath(self.paths[current])
            context = found[0] if found else doc
        xpath = self.compiled.get(expr)
        if xpath is None:
            xpath = self.etree.XPath(self.translate(expr), namespaces={"jr": JR})
            self.compiled[expr] = xpath
        return xpath(context)

    def _register(self):
        etree = self.etree
        ns = etree.FunctionNamespace(None)
        jr = etree.FunctionNamespace(JR)
        engine = self

        def text(value):
            if isinstance(value, list):
                if not value:
                    return ""
                first = value[0]
                return first if isinstance(first, str) else (first.text or "")
            if isinstance(value, bool):
                return "true" if value else "false"
            if isinstance(value, float):
                return str(int(value)) if value.is_integer() else repr(value)
            return str(value)

        def number(value):
            try:
                return float(text(value))
            except ValueError:
                return float("nan")

        def nodes(value):
            return [n.text or "" for n in value] if isinstance(value, list) else [text(value)]

        def to_date(value):
            t = text(value)
            try:
                return datetime.date.fromisoformat(t[:10])
            except ValueError:
                n = number(value)
                return None if n != n else datetime.date(1970, 1, 1) + datetime.timedelta(days=n)

        ns["if"] = lambda _c, cond, a, b: a if bool(cond) else b
        ns["coalesce"] = lambda _c, a, b: a if text(a) != "" else b
        ns["regex"] = lambda _c, s, pattern: re.search(text(pattern), text(s)) is not None
        ns["selected"] = lambda _c, s, v: text(v) in text(s).split()
        ns["count-selected"] = lambda _c, s: float(len(text(s).split()))
        ns["ends-with"] = lambda _c, s, end: text(s).endswith(text(end))
        ns["substr"] = lambda _c, s, a, b=None: text(s)[
            int(number(a)) : None if b is None else int(number(b))
        ]
        ns["int"] = lambda _c, v: (
            float(math.trunc(number(v))) if number(v) == number(v) else number(v)
        )
        ns["pow"] = lambda _c, a, b: math.pow(number(a), number(b))

        def unary(function):
            return lambda _c, v: function(number(v))

        for name in ("sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "exp", "log", "log10"):
            ns[name] = unary(getattr(math, name))
        ns["max"] = lambda _c, *a: max(float(x) for v in a for x in nodes(v))
        ns["min"] = lambda _c, *a: min(float(x) for v in a for x in nodes(v))
        ns["today"] = lambda _c: datetime.date.today().isoformat()
        ns["now"] = lambda _c: datetime.datetime.now().isoformat()
        ns["date"] = lambda _c, v: (to_date(v) or "").isoformat() if to_date(v) else ""
        ns["decimal-date-time"] = lambda _c, v: float((to_date(v) - datetime.date(1970, 1, 1)).days)

        def format_date(_c, value, pattern):
            moment = to_date(value)
            return "" if moment is None else moment.strftime(text(pattern).replace("%e", "%-d"))

        ns["format-date"] = format_date

        def round_(_c, value, places=None):
            from stimulans.reporting.xlsform.expressions import _round

            return _round(number(value), 0 if places is None else number(places))

        # XPath 1.0's own round() takes one argument; ODK's takes two: only the two-argument
        # form is an extension (libxml2 calls its own for one argument).
        ns["round"] = round_

        def choice_name(_c, value, question):
            name = text(question).rsplit("/", 1)[-1]
            node = engine.index.get(name, ({}, None))[0]
            return dict(engine.xlsform.choices(node)).get(text(value), "")

        jr["choice-name"] = choice_name


def comparable(value):
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float):
        return ("number", float(value))
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return ("text", value.isoformat())
    if isinstance(value, list):  # a node-set from lxml
        return comparable(value[0].text if value else "")
    from stimulans.reporting import xlsform

    if isinstance(value, xlsform.NodeSet):
        return comparable(xlsform.as_string(value))
    text = str(value)
    try:
        return ("number", float(text)) if re.fullmatch(r"-?\d+(\.\d+)?", text) else ("text", text)
    except ValueError:
        return ("text", text)


def agree(a, b):
    a, b = comparable(a), comparable(b)
    if a[0] == b[0] == "number":
        return (math.isnan(a[1]) and math.isnan(b[1])) or math.isclose(a[1], b[1], abs_tol=1e-9)
    if a[0] == "bool" and b[0] != "bool" or b[0] == "bool" and a[0] != "bool":
        return False
    return a == b


def form_cases(directory):
    """(definition, expression, answers, current) for every expression of every accepted form."""
    from stimulans.reporting import xlsform
    from stimulans.reporting.formcheck import read_form

    sample = {
        "text": "abc",
        "integer": "1 200",
        "decimal": "2.5",
        "range": "3",
        "date": "2020-05-01",
        "time": "10:30",
        "dateTime": "2020-05-01T10:30",
        "acknowledge": "OK",
    }
    from pyxform import xls2xform

    for path in sorted(Path(directory).rglob("*.xls*")):
        try:
            definition = read_form(path.read_bytes(), path.name)
        except xlsform.XLSFormError:
            # Refused (a photo, a place...): its expressions are still ODK's.
            try:
                converted = xls2xform.convert(str(path), warnings=[])
            except Exception:  # noqa: BLE001 (pyxform refuses it too)
                continue
            definition = xlsform.normalise_types(converted._pyxform)
        values = {}
        for node, repeat in xlsform.walk(definition):
            kind = node.get("type")
            if not xlsform.is_answerable(node):
                continue
            if kind in ("select one", "select all that apply"):
                picked = xlsform.choices(node)
                value = picked[0][0] if picked else ""
            else:
                value = sample.get(kind, "abc")
            target = values.setdefault(repeat, [{}])[0] if repeat else values
            target[node["name"]] = value
        for node, _repeat in xlsform.walk(definition):
            for key, expr in xlsform.node_expressions(node):
                if key in ("choice_filter", "default", "repeat_count") or xlsform.is_literal_flag(
                    expr
                ):
                    continue
                if xlsform.expression_problem(expr, key) is not None:
                    continue  # refused at upload, e.g. pulldata()
                current = node["name"] if key == "constraint" else None
                yield definition, expr, values, current


def run(cases, repeat):
    agreed, differ, failed = 0, [], 0
    engines = {}
    home_time = lxml_time = home_eval = lxml_eval = 0.0
    from stimulans.reporting import xlsform

    for definition, expr, values, current in cases:
        engine = engines.get(id(definition))
        if engine is None:
            engine = engines[id(definition)] = LxmlEngine(definition)
        try:
            mine = home_made(definition, expr, values, current)
        except xlsform.ExpressionError as exc:
            mine = f"error: {exc}"
        try:
            theirs = engine.evaluate(expr, values, current)
        except Exception as exc:  # noqa: BLE001 (a benchmark reports every failure)
            theirs = f"error: {type(exc).__name__}: {exc}"
        if str(mine).startswith("error") or str(theirs).startswith("error"):
            failed += 1
            differ.append((expr, mine, theirs))
            continue
        if agree(mine, theirs):
            agreed += 1
        else:
            differ.append((expr, mine, theirs))
        start = time.perf_counter()
        for _i in range(repeat):
            home_made(definition, expr, values, current)
        home_time += time.perf_counter() - start
        start = time.perf_counter()
        for _i in range(repeat):
            engine.evaluate(expr, values, current)
        lxml_time += time.perf_counter() - start
        # The expression alone, the answers prepared once (as a form page does).
        lookup, doc = xlsform.Answers(definition, values), engine.instance(values)
        start = time.perf_counter()
        for _i in range(repeat):
            home_made(definition, expr, values, current, lookup)
        home_eval += time.perf_counter() - start
        start = time.perf_counter()
        for _i in range(repeat):
            engine.evaluate(expr, values, current, doc)
        lxml_eval += time.perf_counter() - start
    return agreed, differ, failed, (home_time, lxml_time, home_eval, lxml_eval)


def report(title, cases, repeat):
    cases = list(cases)
    agreed, differ, failed, (home_time, lxml_time, home_eval, lxml_eval) = run(cases, repeat)
    evaluated = (len(cases) - failed) * repeat
    print(f"{title}: {len(cases)} expressions, {agreed} agree, {len(differ)} differ")
    for expr, mine, theirs in differ:
        print(f"  {expr!r}: home-made {mine!r}, lxml {theirs!r}")
    if evaluated:
        print(
            f"  home-made {home_time / evaluated * 1e6:.1f} µs, lxml (instance + XPath) "
            f"{lxml_time / evaluated * 1e6:.1f} µs per evaluation with the answers read; "
            f"{home_eval / evaluated * 1e6:.1f} µs and {lxml_eval / evaluated * 1e6:.1f} µs "
            "with the answers prepared once"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--forms", help="a directory of XLSForms (.xlsx/.xls) to take cases from")
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    setup()
    definition = features_definition()
    report(
        "Typical expressions",
        [(definition, expr, values, current) for expr, values, current in CASES],
        args.repeat,
    )
    if args.forms:
        report(f"Expressions of the forms under {args.forms}", form_cases(args.forms), args.repeat)


if __name__ == "__main__":
    main()
