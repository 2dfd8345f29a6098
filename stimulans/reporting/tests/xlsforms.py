"""XLSForms of our own for the tests, built with openpyxl: rows as dicts of column → value, so
that each test names only the columns it uses. `FEATURES` covers what the real ODK and
KoboToolbox forms we tried use (metadata, or_other, choice_filter, required as TRUE/True/Yes/1,
relative references, non-ASCII names, translated labels, calculate, range, time, dateTime,
acknowledge, groups in a repeat, repeat_count)."""

import io

import openpyxl


def xlsform_bytes(survey, choices=(), settings=None):
    """An .xlsx with sheets survey, choices and settings; `survey` and `choices` are lists of
    {column: value}."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "survey"
    _append_rows(ws, survey)
    _append_rows(wb.create_sheet("choices"), choices or [{"list_name": "", "name": ""}])
    st = wb.create_sheet("settings")
    settings = settings or {"form_title": "Prov", "form_id": "prov"}
    st.append(list(settings))
    st.append(list(settings.values()))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _append_rows(ws, rows):
    headers = list(dict.fromkeys(key for row in rows for key in row))
    ws.append(headers)
    for row in rows:
        ws.append([row.get(h) for h in headers])


SV, EN = "label::Swedish (sv)", "label::English (en)"


def q(kind, name, sv=None, en=None, **columns):
    row = {"type": kind, "name": name}
    if sv is not None:
        row[SV] = sv
    if en is not None:
        row[EN] = en
    row.update(columns)
    return row


FEATURES_SURVEY = [
    q("start", "start"),
    q("end", "end"),
    q("today", "today"),
    q("username", "username"),
    q("deviceid", "deviceid"),
    q("select_one lan", "lan", "Län", "County", required="TRUE"),
    q(
        "select_one kommun",
        "kommun",
        "Kommun",
        "Municipality",
        required="True",
        choice_filter="lan=${lan}",
    ),
    q("select_one stod or_other", "stod", "Stöd", "Support", required="Yes"),
    q("integer", "ålder", "Antal anställda", "Staff", required="1", constraint=". > 0"),
    q("decimal", "andel", "Andel", "Share", constraint=". >= 0 and . <= 100"),
    q("range", "betyg", "Betyg", "Grade", parameters="start=1 end=5 step=1"),
    q("date", "startdatum", "Startdatum", "Start date"),
    q(
        "date",
        "slutdatum",
        "Slutdatum",
        "End date",
        constraint=". >= ${startdatum}",
        constraint_message="Slutdatum före startdatum",
    ),
    q("time", "tid", "Tid", "Time", constraint=". < '17:00'"),
    q("dateTime", "mote", "Möte", "Meeting"),
    q("calculate", "dubbelt", calculation="${ålder} * 2"),
    q("hidden", "formversion", default="v1"),
    q("note", "info", "Antalet är ${ålder}.", "The count is ${ålder}."),
    q("acknowledge", "bekraftat", "Jag bekräftar", "I confirm"),
    q("text", "bara_engelska", None, "Only English"),
    q("begin_group", "grupp", "Grupp", "Group", relevant="${ålder} > 10"),
    q("text", "kommentar", "Kommentar", "Comment", relevant="../../ålder > 100"),
    q("end_group", ""),
    q("begin_repeat", "rader", "Rader", "Rows", repeat_count="2"),
    q("text", "radnamn", "Namn", "Name", required="yes"),
    q("begin_group", "radgrupp", "Detaljer", "Details"),
    q("integer", "radantal", "Antal", "Count", constraint=". <= ${ålder}"),
    q("end_group", ""),
    q("end_repeat", ""),
    q("text", "summering", "Summering", "Summary", relevant="sum(${radantal}) > 5"),
    q("text", "dubbel_kontroll", "Kontroll", "Check", relevant="${dubbelt} = 2400"),
]
FEATURES_CHOICES = [
    {"list_name": "lan", "name": "01", SV: "Stockholms län", EN: "Stockholm County", "lan": ""},
    {"list_name": "lan", "name": "03", SV: "Uppsala län", EN: "Uppsala County", "lan": ""},
    {"list_name": "kommun", "name": "0180", SV: "Stockholm", EN: "Stockholm", "lan": "01"},
    {"list_name": "kommun", "name": "0127", SV: "Botkyrka", EN: "Botkyrka", "lan": "01"},
    {"list_name": "kommun", "name": "0380", SV: "Uppsala", EN: "Uppsala", "lan": "03"},
    {"list_name": "stod", "name": "ja", SV: "Ja", EN: "Yes", "lan": ""},
    {"list_name": "stod", "name": "nej", SV: "Nej", EN: "No", "lan": ""},
]


def features_form():
    return xlsform_bytes(FEATURES_SURVEY, FEATURES_CHOICES)


# Answers that pass every check of FEATURES.
FEATURES_ANSWERS = {
    "lan": "01",
    "kommun": "0127",
    "stod": "other",
    "stod_other": "Handledning",
    "ålder": "1 200",
    "andel": "12,5",
    "betyg": "4",
    "startdatum": "2020-01-15",
    "slutdatum": "2020-12-31",
    "tid": "09:30",
    "mote": "2020-03-01T10:00",
    "bekraftat": "OK",
    "kommentar": "Stor organisation",
    "rader": [{"radnamn": "A", "radantal": "3"}, {"radnamn": "B", "radantal": "4"}],
    "summering": "Sju",
    "dubbel_kontroll": "ja",
}
