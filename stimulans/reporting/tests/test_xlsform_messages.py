"""pyxform's English messages reach the administrator in Swedish (`xlsform.messages`)."""

import pytest

from stimulans.reporting.xlsform import XLSFormError, parse_xlsform
from stimulans.reporting.xlsform.messages import pyxform_message

from .xlsforms import xlsform_bytes

CHOICES = [{"list_name": "ja_nej", "name": "ja", "label": "Ja"}]


def refusal(survey, choices=CHOICES):
    with pytest.raises(XLSFormError) as exc:
        parse_xlsform(xlsform_bytes(survey, choices), "enkat.xlsx")
    return exc.value.errors


@pytest.mark.parametrize(
    ("survey", "expected"),
    [
        (
            [{"type": "integr", "name": "antal", "label": "Antal"}],
            "Okänd frågetyp ”integr” i kolumnen type.",
        ),
        (
            [
                {"type": "integer", "name": "antal", "label": "Antal"},
                {"type": "text", "name": "antal", "label": "Igen"},
            ],
            "Bladet ”survey”, rad 3, kolumnen ”name”: Namnet ”antal” finns redan",
        ),
        (
            [{"type": "integer", "name": "1 antal", "label": "Antal"}],
            "Bladet ”survey”, rad 2, kolumnen ”name”: Ogiltigt namn.",
        ),
        (
            [
                {"type": "begin group", "name": "del", "label": "Del"},
                {"type": "integer", "name": "antal", "label": "Antal"},
            ],
            "Bladet ”survey”, rad 2: ”begin_group” för gruppen ”del” saknar ett ”end_group”.",
        ),
        (
            [{"type": "select_one finns_ej", "name": "val", "label": "Val"}],
            "Bladet ”survey”, rad 2: Svarslistan ”finns_ej” finns inte på bladet choices.",
        ),
        (
            [{"type": "integer", "name": "antal", "label": "Antal", "relevant": "${ingen} > 1"}],
            "Bladet ”survey”, rad 2, kolumnen ”relevant”: Hänvisningen ${ingen} pekar inte",
        ),
        ([{"name": "antal", "label": "Antal"}], "Bladet ”survey” saknar kolumnen"),
    ],
)
def test_a_broken_xlsform_is_refused_in_swedish(survey, expected):
    (error,) = refusal(survey)
    assert error.startswith(expected), error
    # None of pyxform's English is left in a translated message.
    for english in ("row :", "sheet", "Unknown", "invalid", "found", "must"):
        assert english not in error, error


def test_a_file_that_is_no_spreadsheet_is_refused_in_swedish():
    with pytest.raises(XLSFormError) as exc:
        parse_xlsform(b"hej", "enkat.xlsx")
    assert exc.value.errors == [
        "Filen är inte en XLSForm som går att läsa (xlsx, xls, csv eller md)."
    ]


def test_a_message_it_does_not_know_is_explained_with_the_english_text_labelled():
    message = pyxform_message("[row : 7] Something pyxform says in a new version.")
    assert message.startswith("Enkätfilen kunde inte läsas som XLSForm.")
    assert "Meddelandet från pyxform, som läser XLSForm (på engelska)" in message
    assert message.endswith("”[row : 7] Something pyxform says in a new version.”")
    # A cell message whose explanation is not known is not half translated either.
    other = pyxform_message("On the 'survey' sheet, the 'trigger' value is invalid. New rule.")
    assert other.startswith("Enkätfilen kunde inte läsas") and "New rule." in other
