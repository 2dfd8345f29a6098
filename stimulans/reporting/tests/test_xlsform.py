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
