import io

import openpyxl
import pytest

from stimulans.reporting import xlsform
from stimulans.reporting.xlsform import ExpressionError, XLSFormError, evaluate, is_true


def answers(**values):
    return values.get


@pytest.mark.parametrize(
    "expr,values,current,expected",
    [
        ("${a} = 'yes'", {"a": "yes"}, None, True),
        ("${a} = 'yes'", {"a": "no"}, None, False),
        ("${a} != 'no'", {"a": None}, None, True),
        (". >= 0", {}, "12", True),
        (". >= 0", {}, "-1", False),
        (". <= ${total}", {"total": "100"}, "50", True),
        (". <= ${total}", {"total": "100"}, "150", False),
        ("${a} = 'yes' or ${b} = 'yes'", {"a": "no", "b": "yes"}, None, True),
        ("${a} = 'yes' and ${b} = 'yes'", {"a": "no", "b": "yes"}, None, False),
        ("not(${a} = 'yes')", {"a": "no"}, None, True),
        ("selected(${s}, 'x')", {"s": ["x", "y"]}, None, True),
        ("selected(${s}, 'z')", {"s": "x y"}, None, False),
        ("not(selected(., 'none') and count-selected(.) > 1)", {}, ["none", "data"], False),
        ("not(selected(., 'none') and count-selected(.) > 1)", {}, ["none"], True),
        ("string-length(${t}) > 0", {"t": "abc"}, None, True),
        ("string-length(${t}) > 0", {"t": ""}, None, False),
        ("${n} + 2 * 3 = 10", {"n": "4"}, None, True),
        ("${n} div 2 = 2 and ${n} mod 3 = 1", {"n": 4}, None, True),
        ("-${n} < 0", {"n": "4"}, None, True),
        ("true() and not(false())", {}, None, True),
        ("${n} > 3", {"n": ""}, None, False),
        ('${a} = "yes"', {"a": "yes"}, None, True),
    ],
)
def test_it_evaluates_the_xpath_subset(expr, values, current, expected):
    assert is_true(expr, values.get, current) is expected


@pytest.mark.parametrize(
    "expr", ["__import__('os')", "${a} = ", "foo(1)", "${a} == 1", "1 +", "(1", "${a} ; 1"]
)
def test_it_refuses_what_it_cannot_read(expr):
    with pytest.raises(ExpressionError):
        evaluate(expr, {}.get)


def xlsx(survey_rows, choices_rows=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(["type", "name", "label", "required", "relevant", "constraint"])
    for row in survey_rows:
        ws.append(row)
    ch = wb.create_sheet("choices")
    ch.append(["list_name", "name", "label"])
    for row in choices_rows:
        ch.append(row)
    st = wb.create_sheet("settings")
    st.append(["form_title", "form_id"])
    st.append(["Prov", "prov"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_it_parses_a_form_with_a_repeat():
    content = xlsx(
        [
            ["integer", "funds_used_sek", "Använda medel", "yes", "", ". >= 0"],
            ["select_one yn", "q", "Fråga", "yes", "", ""],
            ["text", "why", "Varför", "", "${q} = 'yes'", ""],
            ["begin_repeat", "initiatives", "Insatser", "", "", ""],
            ["text", "title", "Namn", "yes", "", ""],
            ["end_repeat", "", "", "", "", ""],
        ],
        [["yn", "yes", "Ja"], ["yn", "no", "Nej"]],
    )
    definition = xlsform.parse_xlsform(content, "prov.xlsx")
    f = xlsform.fields(definition)
    assert f["title"][1] == "initiatives"
    assert f["why"][0]["bind"]["relevant"] == "${q} = 'yes'"
    assert xlsform.choices(f["q"][0]) == [("yes", "Ja"), ("no", "Nej")]


def test_it_lists_every_error():
    content = xlsx(
        [
            ["text", "funds_used_sek", "Använda medel", "", "", ""],
            ["text", "why", "Varför", "", "foo(${funds_used_sek})", ""],
            ["begin_repeat", "initiatives", "Insatser", "", "", ""],
            ["select_one cats", "category", "Kategori", "", "", ""],
            ["end_repeat", "", "", "", "", ""],
        ],
        [["cats", "okand", "Okänd"]],
    )
    with pytest.raises(XLSFormError) as exc:
        xlsform.parse_xlsform(content, "prov.xlsx", categories={"verksamhetsutveckling"})
    errors = exc.value.errors
    assert len(errors) == 3
    assert any("funds_used_sek" in e and "integer" in e for e in errors)
    assert any("foo" in e for e in errors)
    assert any("okand" in e for e in errors)


def test_it_refuses_what_pyxform_refuses():
    content = xlsx([["text", "a b", "Fel namn", "", "", ""]])
    with pytest.raises(XLSFormError):
        xlsform.parse_xlsform(content, "prov.xlsx")
    with pytest.raises(XLSFormError):
        xlsform.parse_xlsform(b"not a spreadsheet", "prov.xlsx")


@pytest.mark.parametrize(
    "expr",
    [
        "selected(${a})",  # wrong number of arguments
        "not()",
        "true(1)",
        "1" + " + 1" * 300,  # deeper than the evaluator goes
        "(" * 2000 + "1" + ")" * 2000,
        "9" * 5000,  # a number too large to compute with
        "random()",
    ],
)
def test_it_refuses_at_parsing_what_it_could_not_evaluate(expr):
    with pytest.raises(ExpressionError):
        xlsform.parse_expression(expr)


def test_an_expression_it_cannot_evaluate_gives_the_default():
    # A definition stored before the upload checks: relevant and constraint hold, required not.
    assert is_true("random() > 2", {}.get) is True
    assert is_true("1" + " + 1" * 3000, {}.get, default=False) is False
    node = {"bind": {"required": "uuid()"}}
    assert xlsform.is_required(node, {}.get) is False
    assert xlsform.is_required({"bind": {"required": "Yes"}}, {}.get) is True
    assert xlsform.is_required({"bind": {"required": "FALSE"}}, {}.get) is False


def test_every_expression_of_questions_groups_and_repeats_is_checked_with_its_cell():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(["type", "name", "label", "relevant", "calculation", "choice_filter"])
    ws.append(["begin_group", "g", "Grupp", "if(1, 2)", "", ""])
    ws.append(["integer", "n", "Tal", "", "", ""])
    ws.append(["text", "c", "Beräknad", "", "uuid()", ""])
    ws.append(["select_one yn", "s", "Val", "", "", "yn = = ${n}"])
    ws.append(["end_group", "", "", "", "", ""])
    ws.append(["begin_repeat", "r", "Rader", "digest(${n}) > 0", "", ""])
    ws.append(["text", "t", "Text", "${n} > 1", "", ""])
    ws.append(["end_repeat", "", "", "", "", ""])
    ch = wb.create_sheet("choices")
    ch.append(["list_name", "name", "label"])
    ch.append(["yn", "yes", "Ja"])
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(XLSFormError) as exc:
        xlsform.parse_xlsform(out.getvalue(), "prov.xlsx")
    errors = exc.value.errors
    assert len(errors) == 4, errors
    assert errors[0].startswith(
        "Bladet ”survey”, rad 2, frågan ”g”, kolumn D (”relevant”): uttrycket ”if(1, 2)”"
    )
    assert errors[1].startswith("Bladet ”survey”, rad 4, frågan ”c”, kolumn E (”calculation”)")
    assert errors[2].startswith("Bladet ”survey”, rad 5, frågan ”s”, kolumn F (”choice_filter”)")
    assert errors[3].startswith("Bladet ”survey”, rad 7, frågan ”r”, kolumn D (”relevant”)")
    assert "digest" in errors[3]


def test_a_stored_definition_is_checked_by_question_group_and_repeat():
    definition = {
        "children": [
            {"type": "group", "name": "g", "bind": {"relevant": "if(1, 2)"}, "children": []},
            {"type": "repeat", "name": "r", "bind": {"relevant": "x()"}, "children": []},
            {"type": "text", "name": "t", "choice_filter": "name = = 'a'"},
        ]
    }
    errors = xlsform.check_definition(definition)
    assert [e.split(":")[0] for e in errors] == [
        "Gruppen ”g”",
        "Upprepningen ”r”",
        "Frågan ”t”",
    ]


def test_a_form_in_another_format_names_the_column_by_its_heading():
    content = b"""
| survey |
|        | type    | name | label | relevant  |
|        | integer | n    | Tal   |           |
|        | text    | t    | Text  | if(1,2)   |
"""
    with pytest.raises(XLSFormError) as exc:
        xlsform.parse_xlsform(content, "prov.md")
    assert exc.value.errors == [
        "Bladet ”survey”, rad 3, frågan ”t”, kolumnen ”relevant”: uttrycket ”if(1,2)” kan inte "
        "tolkas: fel antal argument till funktionen ”if”"
    ]
