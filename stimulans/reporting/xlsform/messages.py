"""pyxform's messages in Swedish. pyxform, the library that reads XLSForm, writes its errors in
English ("[row : 3] Unknown question type 'integr'."); the upload and `form-check` show them to
administrators who may not read English. The messages pyxform gives for the usual mistakes are
translated here, row and names kept; any other message is explained in Swedish with pyxform's
own text after it, labelled as pyxform's message in English. Pure: no database, no HTTP."""

import re

from django.utils.translation import gettext as _

# "[row : 3] " before a message: the row of the sheet (pyxform's ROW_FORMAT_STRING).
_ROW = re.compile(r"^\s*\[row\s*:\s*(?P<row>\d+)\]\s*")
# "On the 'survey' sheet, the 'relevant' value is invalid. " before many messages.
_CELL = re.compile(
    r"^On the '(?P<sheet>[^']*)' sheet, the '(?P<column>[^']*)' value(?: '(?P<value>[^']*)')? "
    r"is invalid\.\s*"
)


def _containers():
    return {"group": _("gruppen"), "repeat": _("upprepningen")}


def _unknown_type(m):
    return _("Okänd frågetyp ”%(type)s” i kolumnen type.") % {"type": m["type"]}


def _no_name(m):
    return _("En fråga eller grupp saknar namn i kolumnen name.")


def _no_label(m):
    return _("Frågan ”%(name)s” saknar både etikett (label) och hjälptext (hint).") % {
        "name": m["name"]
    }


def _unmatched_begin(m):
    return _("”begin_%(type)s” för %(container)s ”%(name)s” saknar ett ”end_%(type)s”.") % {
        "type": m["type"],
        "container": _containers().get(m["type"], m["type"]),
        "name": m["name"],
    }


def _unmatched_end(m):
    return _("”end_%(type)s” utan ett ”begin_%(type)s” före.") % {"type": m["type"]}


def _no_choices_sheet(m):
    return _(
        "Bladet choices saknas eller är tomt. Frågor av typen select_one och select_multiple "
        "behöver det, med kolumnerna list_name, name och label."
    )


def _list_not_found(m):
    return _("Svarslistan ”%(list)s” finns inte på bladet choices.") % {"list": m["list"]}


def _no_sheet(m):
    return _("Filen saknar bladet ”%(sheet)s”; en XLSForm måste ha ett blad med det namnet.") % {
        "sheet": m["sheet"]
    }


def _missing_headers(m):
    return _("Bladet ”%(sheet)s” saknar kolumnen eller kolumnerna %(headers)s.") % {
        "sheet": m["sheet"],
        "headers": m["headers"].replace("'", "”").strip(),
    }


def _not_a_form(m):
    return _("Filen är inte en XLSForm som går att läsa (xlsx, xls, csv eller md).")


def _duplicate_name(m, cell):
    return _(
        "Namnet ”%(name)s” finns redan: frågor, grupper och upprepningar måste ha unika namn "
        "inom sin närmaste grupp eller upprepning (eller i enkäten)."
    ) % {"name": cell["value"] or ""}


def _bad_name(m, cell):
    return _(
        "Ogiltigt namn. Ett namn ska börja med en bokstav eller ett understreck och får sedan "
        "bara innehålla bokstäver, siffror, understreck, bindestreck och punkter."
    )


def _unknown_reference(m, cell):
    return _(
        "Hänvisningen ${%(name)s} pekar inte på någon fråga: namnet ”%(name)s” finns inte i "
        "kolumnen name på bladet survey."
    ) % {"name": m["name"]}


def _duplicate_choice(m, cell):
    return _("Namnen i en svarslista måste vara unika; ett namn finns två gånger.")


def _choice_without_name(m, cell):
    return _("Ett svarsalternativ saknar namn.")


# (pattern of pyxform's message after the row, its Swedish text from the match).
MESSAGES = [
    (r"Unknown question type '(?P<type>[^']*)'\.?", _unknown_type),
    (r"Question or group with no name\.?", _no_name),
    (r"The survey element named '(?P<name>[^']*)' has no label or hint\.?", _no_label),
    (
        r"Unmatched 'begin_(?P<type>\w+)'\. No matching 'end_\w+' was found for the name "
        r"'(?P<name>[^']*)'\.?",
        _unmatched_begin,
    ),
    (r"Unmatched 'end_(?P<type>\w+)'\. No matching 'begin_\w+' was found.*", _unmatched_end),
    (r"There should be a choices sheet in this xlsform\..*", _no_choices_sheet),
    (r"List name not in choices sheet: (?P<list>.*)", _list_not_found),
    (r"You must have a sheet named '(?P<sheet>[^']*)'\.?", _no_sheet),
    (
        r"Invalid headers provided for sheet: '(?P<sheet>[^']*)'\. One or more required column "
        r"headers were not found: (?P<headers>.*?)\. Learn more.*",
        _missing_headers,
    ),
    (r"Argument 'definition' was not recognized as a supported type\..*", _not_a_form),
]
# Messages of the form "On the 'sheet' sheet, the 'column' value is invalid. …": the rest.
CELL_MESSAGES = [
    (r"Questions, groups, and repeats must be unique.*", _duplicate_name),
    (r"Names must begin with a letter or underscore\..*", _bad_name),
    (
        r"Reference variables must contain a name from the 'survey' sheet\. Could not find the "
        r"name '(?P<name>[^']*)'\.?",
        _unknown_reference,
    ),
    (r"Choice names must be unique for each choice list\..*", _duplicate_choice),
    (r"Choices must have a name\..*", _choice_without_name),
]
_MESSAGES = [(re.compile(p, re.DOTALL), f) for p, f in MESSAGES]
_CELL_MESSAGES = [(re.compile(p, re.DOTALL), f) for p, f in CELL_MESSAGES]


def _translated(text, row):
    """The Swedish text of pyxform's `text` (after its row, if any), or None if it is not
    known: "Bladet ”survey”, rad 3, kolumnen ”name”: …"."""
    cell = _CELL.match(text)
    if cell:
        rest = text[cell.end() :].strip()
        for pattern, swedish in _CELL_MESSAGES:
            match = pattern.fullmatch(rest)
            if match:
                return _where(cell["sheet"], row, cell["column"]) + swedish(match, cell)
        return None
    for pattern, swedish in _MESSAGES:
        match = pattern.fullmatch(text)
        if match:
            # The messages with a row and no sheet are about the survey sheet's rows.
            return (_where("survey", row) if row else "") + swedish(match)
    return None


def _where(sheet, row=None, column=None):
    if row and column:
        where = _("Bladet ”%(sheet)s”, rad %(row)s, kolumnen ”%(column)s”")
    elif row:
        where = _("Bladet ”%(sheet)s”, rad %(row)s")
    else:
        where = _("Bladet ”%(sheet)s”, kolumnen ”%(column)s”")
    return (where % {"sheet": sheet, "row": row, "column": column}) + ": "


def pyxform_message(error):
    """pyxform's error `error` (an exception or its text) as a Swedish message for the
    administrator ("Bladet ”survey”, rad 3: Okänd frågetyp …") for the messages known here;
    otherwise a Swedish explanation followed by pyxform's English text, labelled as such."""
    text = " ".join(str(error).split())
    row = _ROW.match(text)
    swedish = _translated(text[row.end() :] if row else text, row["row"] if row else None)
    if swedish is not None:
        return swedish
    return _(
        "Enkätfilen kunde inte läsas som XLSForm. Rätta filen och ladda upp den igen. "
        "Meddelandet från pyxform, som läser XLSForm (på engelska): ”%(message)s”"
    ) % {"message": text}


def unreadable_message(error):
    """A file pyxform could not open at all (not a spreadsheet, a broken zip): Swedish, with
    the reader's English text labelled."""
    return _(
        "Filen kunde inte läsas som XLSForm (ett Excel-ark med bladen survey och choices). "
        "Felet från läsaren (på engelska): ”%(message)s”"
    ) % {"message": " ".join(str(error).split())}
