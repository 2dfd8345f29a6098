"""XLSForm as ODK defines it: the question types, ODK's XPath functions with ODK's results and
typing, choice_filter, or_other, relative references, non-ASCII names, translated labels, and
every refusal message. Expected values are ODK's (getodk.github.io/xforms-spec, "XPath
functions"), worked out by hand."""

import datetime
import math

import pytest

from stimulans.reporting import xlsform
from stimulans.reporting.forms import build_form
from stimulans.reporting.validation import check_answers, validate_answers
from stimulans.reporting.xlsform import Answers, ExpressionError, XLSFormError, evaluate, is_true

from .xlsforms import FEATURES_ANSWERS, SV, features_form, q, xlsform_bytes


@pytest.fixture(scope="module")
def features():
    return xlsform.parse_xlsform(features_form(), "prov.xlsx")


def answers(definition, **values):
    return Answers(definition, values)


REPEAT_VALUES = {
    "ålder": "1 200",
    "lan": "03",
    "rader": [
        {"radnamn": "x", "radantal": "3"},
        {"radnamn": "y", "radantal": "4"},
        {"radnamn": "z", "radantal": ""},
    ],
}


@pytest.mark.parametrize(
    "expr,expected",
    [
        ("if(${ålder} > 1000, 'stor', 'liten')", "stor"),
        ("if(${ålder} < 1000, 'stor', 'liten')", "liten"),
        ("coalesce(${andel}, 'tom')", "tom"),
        ("coalesce(${ålder}, 'tom')", 1200),
        ("concat('a', 1, ${ålder}, 'b')", "a11200b"),
        ("concat('n=', 1 div 2)", "n=0.5"),
        ("join(', ', ${radnamn})", "x, y, z"),
        ("regex('ab12', '^[a-z]+[0-9]+$')", True),
        ("regex('ab', '^[0-9]+$')", False),
        ("round(2.5)", 3),
        ("round(-2.5)", -2),
        ("round(2.345, 2)", 2.35),
        ("round(1234.5, -2)", 1200),
        ("number('12.5')", 12.5),
        ("number(${ålder}) + 1", 1201),
        ("int(3.7)", 3),
        ("int(-3.7)", -3),
        ("sum(${radantal})", 7),
        ("count(${rader})", 3),
        ("count-non-empty(${radantal})", 2),
        ("max(${radantal})", 4),
        ("min(3, 1, 2)", 1),
        ("indexed-repeat(${radnamn}, ${rader}, 2)", "y"),
        ("contains('abcdef', 'cd')", True),
        ("starts-with('abcdef', 'ab')", True),
        ("starts-with('abcdef', 'b')", False),
        ("ends-with('abcdef', 'ef')", True),
        ("substr('abcdef', 1, 3)", "bc"),
        ("substr('abcdef', 2)", "cdef"),
        ("substring('abcdef', 2, 3)", "bcd"),
        ("substring-before('2020-05', '-')", "2020"),
        ("substring-after('2020-05', '-')", "05"),
        ("translate('abc', 'ab', 'A')", "Ac"),
        ("normalize-space('  a   b ')", "a b"),
        ("string-length('åäö')", 3),
        ("string(1.0)", "1"),
        ("selected('a b c', 'b')", True),
        ("selected('a b c', 'd')", False),
        ("count-selected('a b c')", 3),
        ("selected-at('a b c', 1)", "b"),
        ("jr:choice-name(${lan}, '${lan}')", "Uppsala län"),
        ("jr:choice-name('0180', '${kommun}')", "Stockholm"),
        ("not(1 = 1)", False),
        ("true() and not(false())", True),
        ("boolean('')", False),
        ("boolean('a')", True),
        ("boolean-from-string('true')", True),
        ("boolean-from-string('yes')", False),
        ("pow(2, 10)", 1024),
        ("sqrt(16)", 4),
        ("abs(-3)", 3),
        ("floor(-1.5)", -2),
        ("ceiling(1.2)", 2),
        ("7 mod 3", 1),
        ("-7 mod 3", -1),
        ("log10(1000)", 3),
        ("exp10(2)", 100),
        ("once(5)", 5),
        ("checklist(2, 3, 'yes', 'no', 'true')", True),
        ("checklist(3, -1, 'yes', 'no', 'true')", False),
        ("weighted-checklist(3, -1, 'yes', 2, 'no', 5, 'true', 1)", True),
        ("date('2020-01-31') + 1", 18293),
        ("format-date(date(18293), '%Y-%m-%d')", "2020-02-01"),
        ("format-date('2020-03-05', '%e/%n %Y')", "5/3 2020"),
        ("format-date-time('2020-03-05T14:07:09', '%H:%M:%S')", "14:07:09"),
        ("decimal-date-time('1970-01-02T12:00:00')", 1.5),
        ("decimal-time('18:00:00')", 0.75),
        ("date-time(1.5)", datetime.datetime(1970, 1, 2, 12)),
        ("date('2020-02-29')", datetime.date(2020, 2, 29)),
    ],
)
def test_odk_functions_give_odks_results(features, expr, expected):
    result = evaluate(expr, Answers(features, REPEAT_VALUES))
    if isinstance(expected, bool) or isinstance(expected, str | datetime.date):
        assert result == expected
    else:
        assert math.isclose(xlsform.as_number(result), expected)


def test_today_and_now_are_the_date_and_time_of_evaluation(features):
    lookup = Answers(features, {})
    assert evaluate("today()", lookup) == datetime.date.today()
    now = evaluate("now()", lookup)
    assert abs(now - datetime.datetime.now()) < datetime.timedelta(minutes=1)
    assert is_true("today() > '2020-01-01'", lookup)
    assert evaluate("${today}", lookup) == datetime.date.today()
    assert is_true("${start} <= now()", lookup)
    assert evaluate("${username}", lookup) == ""


def test_division_by_zero_and_nan_follow_xpath(features):
    lookup = Answers(features, {})
    assert evaluate("1 div 0", lookup) == math.inf
    assert math.isnan(evaluate("0 div 0", lookup))
    assert math.isnan(evaluate("number('abc')", lookup))
    assert evaluate("string(number('abc'))", lookup) == "NaN"
    assert is_true("number('abc') != 1", lookup)
    assert not is_true("number('abc') = 1", lookup)


@pytest.mark.parametrize(
    "expr,current,values,expected",
    [
        (". >= ${startdatum}", "2020-05-01", {"startdatum": "2020-01-01"}, True),
        (". >= ${startdatum}", "2019-12-31", {"startdatum": "2020-01-01"}, False),
        (". > '2020-01-01'", "2020-01-02", {}, True),
        (". > '2020-01-01'", "2019-01-02", {}, False),
        (". = '2020-05-01'", "2020-05-01", {}, True),
        (". < date('2020-01-01') + 7", "2020-01-05", {}, True),
        (
            "${mote} > ${startdatum}",
            None,
            {"mote": "2020-01-15T10:00", "startdatum": "2020-01-15"},
            True,
        ),
        (
            "${mote} < ${startdatum}",
            None,
            {"mote": "2020-01-14T23:00", "startdatum": "2020-01-15"},
            True,
        ),
        ("${tid} < '12:00'", None, {"tid": "09:30"}, True),
        ("${tid} < '12:00'", None, {"tid": "13:00"}, False),
        (
            "${slutdatum} - ${startdatum} = 30",
            None,
            {"startdatum": "2020-01-01", "slutdatum": "2020-01-31"},
            True,
        ),
        (". >= ${startdatum}", "", {"startdatum": "2020-01-01"}, False),
    ],
)
def test_dates_and_times_compare_as_dates(features, expr, current, values, expected):
    kind = "date" if current is not None else "text"
    current = xlsform.typed_value(kind, current)
    assert is_true(expr, Answers(features, values), current=current, default=None) is expected


@pytest.mark.parametrize(
    "expr,current,expected",
    [
        (". > 0", "1 200", True),
        (". = 1200", "1 200", True),
        (". > 1000", "1\u00a0200", True),
        (". < 100", "1 200", False),
        (". > 0", "tolv", False),
    ],
)
def test_an_integer_typed_with_spaces_is_a_number(expr, current, expected):
    assert is_true(expr, {}.get, current=xlsform.typed_value("integer", current)) is expected


def test_a_decimal_with_a_comma_is_a_number():
    assert is_true(". > 12", {}.get, current=xlsform.typed_value("decimal", "12,5"))


def test_numbers_compare_as_numbers_not_text(features):
    lookup = answers(features, ålder="9", andel="10")
    assert is_true("${ålder} < ${andel}", lookup)  # as text "9" > "10"
    assert is_true("${ålder} = 9.0", lookup)


def test_non_ascii_names_and_relative_references(features):
    lookup = answers(features, ålder="150")
    assert evaluate("${ålder} * 2", lookup) == 300
    assert evaluate("../ålder + 1", lookup) == 151
    assert evaluate("/data/grupp/../ålder + 1", lookup) == 151
    assert xlsform.references("${ålder} > ${Öl_2}") == ["ålder", "Öl_2"]
    fields = {f["name"]: f for f in _fields(build_form(features, {"ålder": "150"})[0])}
    assert fields["kommentar"]["hidden"] is False
    fields = {f["name"]: f for f in _fields(build_form(features, {"ålder": "50"})[0])}
    assert fields["kommentar"]["hidden"] is True


def test_calculate_and_hidden_values_are_read_by_reference(features):
    lookup = answers(features, ålder="1 200")
    assert evaluate("${dubbelt}", lookup) == "2400"
    assert is_true("${dubbelt} = 2400", lookup)
    assert evaluate("${formversion}", lookup) == "v1"
    result = check_answers(features, {**FEATURES_ANSWERS, "ålder": "5"})
    assert "dubbel_kontroll" in result["irrelevant"]


def test_a_calculation_that_refers_to_itself_is_empty():
    definition = {
        "children": [{"type": "calculate", "name": "c", "bind": {"calculate": "${c} + 1"}}]
    }
    assert evaluate("${c}", Answers(definition, {})) == "NaN"


def _fields(nodes):
    for node in nodes:
        if node["kind"] == "field":
            yield node
        for child in node.get("children", []):
            yield from _fields([child])
        for row in node.get("rows", []):
            yield from _fields(row["children"])


def test_choice_filter_limits_the_form_and_the_submission(features):
    fields = {f["name"]: f for f in _fields(build_form(features, {"lan": "03"})[0])}
    assert [c[0] for c in fields["kommun"]["choices"]] == ["0380"]
    fields = {f["name"]: f for f in _fields(build_form(features, {"lan": "01"})[0])}
    assert [c[0] for c in fields["kommun"]["choices"]] == ["0180", "0127"]
    # A Stockholm municipality cannot be chosen under Uppsala county.
    result = check_answers(features, {**FEATURES_ANSWERS, "lan": "03", "kommun": "0180"})
    assert result["errors"] == {"kommun": "”Kommun”: välj ett av alternativen"}
    assert check_answers(features, {**FEATURES_ANSWERS, "lan": "03", "kommun": "0380"}) == {
        "irrelevant": [],
        "errors": {},
    }


def test_choice_filter_is_redrawn_when_the_county_changes(features):
    _nodes, conditional = build_form(features, {})
    assert "f-kommun-wrap" in conditional


def test_or_other_adds_a_swedish_other_choice_and_question(features):
    fields = {f["name"]: f for f in _fields(build_form(features, {"stod": "ja"})[0])}
    assert fields["stod"]["choices"][-1][:2] == ("other", "Annat")
    assert fields["stod_other"]["label"] == "Ange annat"
    assert fields["stod_other"]["hidden"] is True
    fields = {f["name"]: f for f in _fields(build_form(features, {"stod": "other"})[0])}
    assert fields["stod_other"]["hidden"] is False
    result = check_answers(features, {**FEATURES_ANSWERS, "stod": "ja"})
    assert result["irrelevant"] == ["stod_other"]


def test_labels_prefer_swedish_and_fall_back(features):
    fields = {f["name"]: f for f in _fields(build_form(features, {})[0])}
    assert fields["lan"]["label"] == "Län"
    assert fields["lan"]["choices"][1][1] == "Uppsala län"
    assert fields["bara_engelska"]["label"] == "Only English"
    assert xlsform.translated({"default": "A", "Svenska (sv)": "B"}) == "B"
    assert xlsform.translated({"English (en)": "E", "default": "D"}) == "D"
    assert xlsform.translated({"sv": "S", "en": "E"}) == "S"


@pytest.mark.parametrize("flag", ["TRUE", "True", "true", "Yes", "yes", "1", "true()"])
def test_required_written_as_odk_and_kobo_write_it(flag):
    definition = xlsform.parse_xlsform(
        xlsform_bytes([q("text", "t", "T", required=flag)]), "prov.xlsx"
    )
    assert [str(i) for i in validate_answers(definition, {})] == ["”T”: svar saknas"]


@pytest.mark.parametrize("flag", ["FALSE", "False", "no", "No", "0", ""])
def test_not_required_written_as_odk_writes_it(flag):
    definition = xlsform.parse_xlsform(
        xlsform_bytes([q("text", "t", "T", required=flag)]), "prov.xlsx"
    )
    assert validate_answers(definition, {}) == []


def test_the_features_form_is_accepted_and_its_answers_pass(features):
    assert check_answers(features, FEATURES_ANSWERS) == {"irrelevant": [], "errors": {}}


@pytest.mark.parametrize(
    "name,value,message",
    [
        ("ålder", "0", "”Antal anställda”: svaret är inte tillåtet"),
        ("ålder", "tolv", "”Antal anställda”: ange ett heltal, t.ex. 1200000"),
        ("andel", "101", "”Andel”: svaret är inte tillåtet"),
        ("betyg", "6", "”Betyg”: ange ett tal från 1 till 5"),
        ("betyg", "2,5", "”Betyg”: ange ett tal i steg om 1 från 1"),
        ("slutdatum", "2020-01-01", "”Slutdatum”: Slutdatum före startdatum"),
        ("slutdatum", "31/12/2020", "”Slutdatum”: ange ett datum som ÅÅÅÅ-MM-DD"),
        ("tid", "18:00", "”Tid”: svaret är inte tillåtet"),
        ("tid", "kvart över", "”Tid”: ange en tid som TT:MM"),
        ("mote", "i mars", "”Möte”: ange datum och tid som ÅÅÅÅ-MM-DD TT:MM"),
        ("bekraftat", "ja", "”Jag bekräftar”: bekräfta genom att kryssa i rutan"),
    ],
)
def test_each_type_is_checked_at_submission(features, name, value, message):
    rows = [{"radnamn": "A", "radantal": ""}, {"radnamn": "B", "radantal": ""}]
    result = check_answers(features, {**FEATURES_ANSWERS, "rader": rows, name: value})
    assert result["errors"] == {name: message}


def test_repeat_rows_are_checked_with_groups_inside_and_their_count(features):
    rows = [{"radnamn": "", "radantal": "2000"}, {"radnamn": "B", "radantal": "1"}]
    result = check_answers(features, {**FEATURES_ANSWERS, "rader": rows})
    assert result["errors"] == {
        "rader[1].radnamn": "Rader, rad 1, ”Namn”: svar saknas",
        "rader[1].radantal": "Rader, rad 1, ”Antal”: svaret är inte tillåtet",
    }
    result = check_answers(features, {**FEATURES_ANSWERS, "rader": rows[1:]})
    assert result["errors"] == {"rader": "”Rader”: ange 2 rader (nu 1)"}


def test_sum_over_a_repeat_decides_relevance(features):
    rows = [{"radnamn": "A", "radantal": "1"}, {"radnamn": "B", "radantal": "2"}]
    result = check_answers(features, {**FEATURES_ANSWERS, "rader": rows})
    assert result["irrelevant"] == ["summering"]


def test_the_form_shows_the_new_types_with_their_widgets(features):
    fields = {f["name"]: f for f in _fields(build_form(features, FEATURES_ANSWERS)[0])}
    assert fields["tid"]["widget"] == "time"
    assert fields["mote"]["widget"] == "datetime"
    assert fields["betyg"]["widget"] == "decimal"
    assert fields["bekraftat"]["widget"] == "checkbox"
    assert fields["bekraftat"]["choices"][0][:3] == ("OK", "Ja, bekräftat", True)
    assert "dubbelt" not in fields and "start" not in fields and "formversion" not in fields


def refusal(rows, choices=()):
    with pytest.raises(XLSFormError) as exc:
        xlsform.parse_xlsform(xlsform_bytes(rows, choices), "prov.xlsx")
    return exc.value.errors


MEDIA = (
    "kan inte användas: en redovisning handlar om organisationer, och bilder, ljud, video, "
    "streckkoder och filer kan röra enskilda personer. Bifoga dokument till redovisningen i "
    "stället."
)
PLACE = (
    "kan inte användas: en redovisning handlar om organisationer, inte om var någon befinner "
    "sig. Fråga efter kommun eller län med ett val i stället."
)


@pytest.mark.parametrize(
    "kind,what,reason",
    [
        ("image", "bild", MEDIA),
        ("photo", "bild", MEDIA),  # pyxform's other name: shown as image
        ("audio", "ljud", MEDIA),
        ("video", "video", MEDIA),
        ("file", "fil", MEDIA),
        ("barcode", "streckkod", MEDIA),
        ("background-audio", "ljudinspelning i bakgrunden", MEDIA),
        ("geopoint", "plats", PLACE),
        ("gps", "plats", PLACE),
        ("geotrace", "linje på en karta", PLACE),
        ("geoshape", "område på en karta", PLACE),
    ],
)
def test_media_and_location_types_are_refused_saying_why(kind, what, reason):
    errors = refusal([q("text", "namn", "Namn"), q(kind, "fraga", "Fråga")])
    shown = {"photo": "image", "gps": "geopoint"}.get(kind, kind)
    assert errors == [f"Bladet ”survey”, rad 3, frågan ”fraga”: typen ”{shown}” ({what}) {reason}"]


def test_a_select_from_a_file_is_refused():
    errors = refusal([q("select_one_from_file kommuner.csv", "k", "Kommun")])
    assert errors == [
        "Bladet ”survey”, rad 2, frågan ”k”: alternativen hämtas från filen ”kommuner.csv”, "
        "vilket inte stöds. Skriv alternativen på bladet ”choices”."
    ]


def test_a_loop_is_refused():
    errors = refusal(
        [q("begin_loop over lista", "slinga", "Slinga"), q("text", "t", "T"), q("end_loop", "")],
        [{"list_name": "lista", "name": "a", "label": "A"}],
    )
    assert errors == [
        "Bladet ”survey”, rad 2, frågan ”slinga”: ”begin_loop” stöds inte; använd en "
        "upprepning (begin_repeat) eller en fråga per alternativ."
    ]


def test_a_nested_repeat_is_refused():
    errors = refusal(
        [
            q("begin_repeat", "yttre", "Yttre"),
            q("begin_repeat", "inre", "Inre"),
            q("text", "t", "T"),
            q("end_repeat", ""),
            q("end_repeat", ""),
        ]
    )
    assert errors == [
        "Bladet ”survey”, rad 3, frågan ”inre”: upprepningen ligger i en annan upprepning; "
        "det stöds inte."
    ]


def test_a_name_used_twice_is_refused_with_its_row():
    errors = refusal(
        [
            q("begin_group", "a", "A"),
            q("text", "namn", "Namn"),
            q("end_group", ""),
            q("begin_group", "b", "B"),
            q("text", "namn", "Namn"),
            q("end_group", ""),
        ]
    )
    assert len(errors) == 1
    assert errors[0].startswith("Bladet ”survey”, rad 6, frågan ”namn”: namnet används redan")


def test_an_unsupported_type_is_refused_naming_what_is_supported():
    errors = refusal(
        [q("rank lista", "r", "Rangordna")], [{"list_name": "lista", "name": "a", "label": "A"}]
    )
    assert errors[0].startswith("Bladet ”survey”, rad 2, frågan ”r”: typen ”rank” stöds inte")


@pytest.mark.parametrize(
    "column,expr,problem",
    [
        (
            "relevant",
            "pulldata('f', 'a', 'b', 'c') = 1",
            "funktionen ”pulldata” hämtar data från en bifogad fil, vilket inte stöds",
        ),
        (
            "relevant",
            "${t} = ‘ja’",
            "typografiskt citattecken vid ” ‘ja’”; skriv texten inom ' eller \"",
        ),
        ("constraint", "random() < 1", "funktionen ”random” stöds inte"),
        ("constraint", "if(. > 1, 2)", "fel antal argument till funktionen ”if”"),
        ("calculation", "1 +", "uttrycket är ofullständigt eller felaktigt"),
        (
            "required",
            "svar = 'ja'",
            "”svar” är varken en funktion eller en referens; skriv ${svar}",
        ),
        ("default", "today() +", "uttrycket är ofullständigt eller felaktigt"),
        ("repeat_count", "count(", "uttrycket är ofullständigt eller felaktigt"),
    ],
)
def test_every_expression_column_is_checked_naming_sheet_row_question_and_column(
    column, expr, problem
):
    rows = [q("text", "t", "T")]
    if column == "repeat_count":
        rows += [
            q("begin_repeat", "r", "R", repeat_count=expr),
            q("text", "u", "U"),
            q("end_repeat", ""),
        ]
    elif column == "calculation":
        rows.append(q("calculate", "c", calculation=expr))
    else:
        rows.append(q("text", "u", "U", **{column: expr}))
    errors = refusal(rows)
    letter = "ABCDEFGH"[list(dict.fromkeys(k for r in rows for k in r)).index(column)]
    name = "r" if column == "repeat_count" else ("c" if column == "calculation" else "u")
    assert errors[0] == (
        f"Bladet ”survey”, rad 3, frågan ”{name}”, kolumn {letter} (”{column}”): "
        f"uttrycket ”{expr}” kan inte tolkas: {problem}"
    )


def test_a_fixed_default_is_not_an_expression():
    definition = xlsform.parse_xlsform(
        xlsform_bytes([q("text", "t", "T", default="Ej svar (okänt)")]), "prov.xlsx"
    )
    assert definition["children"][0]["default"] == "Ej svar (okänt)"


def test_choice_filter_bare_names_are_only_for_choice_filters():
    assert xlsform.parse_expression("lan = ${x}", choice_filter=True)
    with pytest.raises(ExpressionError):
        xlsform.parse_expression("lan = ${x}")


def test_a_label_referring_to_a_missing_question_is_refused():
    definition = {
        "children": [{"type": "note", "name": "n", "label": {"Swedish (sv)": "Se ${saknas}"}}]
    }
    assert xlsform.check_definition(definition) == [
        "Frågan ”n”: texten hänvisar till ${saknas}, som inte finns i formuläret."
    ]


def test_a_stored_definition_with_aliases_is_normalised():
    definition = xlsform.parse_xlsform(
        xlsform_bytes([q("string", "s", "S"), q("int", "i", "I"), q("datetime", "d", "D")]),
        "prov.xlsx",
    )
    assert [n["type"] for n in definition["children"][:3]] == ["text", "integer", "dateTime"]


def test_labels_and_messages_show_the_answers_they_quote(features):
    nodes, _conditional = build_form(features, {"ålder": "1 200"})
    notes = [n["label"] for n in nodes if n["kind"] == "note"]
    assert notes == ["Antalet är 1200."]
    definition = xlsform.parse_xlsform(
        xlsform_bytes(
            [
                q("integer", "tak", "Tak"),
                q("integer", "n", "N", constraint=". <= ${tak}", constraint_message="Högst ${tak}"),
            ]
        ),
        "prov.xlsx",
    )
    assert check_answers(definition, {"tak": "10", "n": "11"})["errors"] == {"n": "”N”: Högst 10"}


def test_select_multiple_with_or_other_and_with_choice_filter():
    # pyxform refuses or_other and choice_filter on one question; each on its own here.
    definition = xlsform.parse_xlsform(
        xlsform_bytes(
            [
                q("select_one lan", "lan", "Län"),
                q("select_multiple kommun", "kommuner", "Kommuner", choice_filter="lan=${lan}"),
                q("select_multiple stod or_other", "stod", "Stöd"),
                q("integer", "antal", "Antal", constraint="count-selected(${kommuner}) = ."),
            ],
            [
                {"list_name": "lan", "name": "01", SV: "Stockholms län", "lan": ""},
                {"list_name": "lan", "name": "03", SV: "Uppsala län", "lan": ""},
                {"list_name": "kommun", "name": "0180", SV: "Stockholm", "lan": "01"},
                {"list_name": "kommun", "name": "0127", SV: "Botkyrka", "lan": "01"},
                {"list_name": "kommun", "name": "0380", SV: "Uppsala", "lan": "03"},
                {"list_name": "stod", "name": "ja", SV: "Ja", "lan": ""},
            ],
        ),
        "prov.xlsx",
    )
    good = {
        "lan": "01",
        "kommuner": ["0180", "0127"],
        "stod": ["ja", "other"],
        "stod_other": "Handledning",
        "antal": "2",
    }
    assert check_answers(definition, good) == {"irrelevant": [], "errors": {}}
    result = check_answers(definition, {**good, "kommuner": ["0180", "0380"], "stod": ["ja"]})
    assert result == {
        "irrelevant": ["stod_other"],
        "errors": {"kommuner": "”Kommuner”: välj bland alternativen"},
    }
