"""The report form: built from the questionnaire's definition for the templates (its inputs are
read back by `forminputs`), the comparison on the conflict page, the return and questionnaire
upload forms."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stimulans.funds.models import AgreementPart
from stimulans.lib.numbers import parse_int, thousands
from stimulans.lib.uploads import check_upload
from stimulans.organisations.models import County, Organisation

from . import xlsform
from .formcheck import FORM_EXTENSIONS
from .forminputs import ROW_INPUT, ROW_KEY, field_id, form_inputs
from .models import ReportStatus
from .services.attachments import ATTACHMENT_EXTENSIONS

LONG_TEXT_EXCEPT = {"title"}
RADIO_MAX = 5
WIDGETS = {
    "integer": "number",
    "decimal": "decimal",
    "range": "decimal",
    "date": "date",
    "time": "time",
    "dateTime": "datetime",
}
# The value ODK stores for a confirmed `acknowledge`.
ACKNOWLEDGED = "OK"


def _is_relevant(node, lookup):
    expr = (node.get("bind") or {}).get("relevant")
    return xlsform.is_true(expr, lookup) if expr else True


def _is_required(node, lookup):
    try:
        return xlsform.is_required(node, lookup)
    except xlsform.ExpressionError:
        return False


def _display(node, value):
    """An answer as text for reading: choice labels, thousands separators."""
    if value in (None, "", []):
        return ""
    kind = node.get("type")
    if kind in ("select one", "select all that apply"):
        labels = dict(xlsform.choices(node))
        picked = value if isinstance(value, list) else str(value).split()
        if kind == "select one":
            picked = [str(value)]
        return ", ".join(str(labels.get(p, p)) for p in picked)
    if kind == "integer":
        try:
            number = parse_int(value)
        except ValueError:
            return str(value)
        return str(value) if number is None else thousands(number)
    return str(value)


def build_form(definition, values, issues=()):
    """The definition as nested dicts for the templates:

    field:  {kind: "field", type, name, id, input_name, label, hint, required, value, values,
             display, choices: [(value, label, checked, id)], errors, hidden, widget}
    group:  {kind: "group", id, label, children, hidden}
    repeat: {kind: "repeat", name, id, label, rows: [{number, index, identifier, id, children}]}
    note:   {kind: "note", label}

    Also returns the ids of the elements whose visibility depends on answers (for htmx)."""
    errors = {}
    for issue in issues:
        key = (getattr(issue, "field", None), getattr(issue, "initiative", None))
        errors.setdefault(key, []).append(str(issue))
    conditional = []

    def build(node, lookup, repeat=None, index=None, row=None):
        kind = node.get("type")
        name = node.get("name")
        relevant = (node.get("bind") or {}).get("relevant")
        if kind == "group":
            gid = field_id(name, repeat, index)
            if relevant:
                conditional.append(gid)
            return {
                "kind": "group",
                "id": gid,
                "label": xlsform.with_answers(xlsform.label(node), lookup),
                "hidden": not _is_relevant(node, lookup),
                "children": [
                    c
                    for c in (
                        build(child, lookup, repeat, index, row) for child in node["children"]
                    )
                    if c
                ],
            }
        if kind == "repeat":
            rows = []
            for i, row_values in enumerate(values.get(name) or []):
                row_lookup = top.row(name, row_values, i)
                rows.append(
                    {
                        "number": i + 1,
                        "index": i,
                        "identifier": row_values.get("identifier", ""),
                        "id": f"r-{name}-{i}",
                        "title": row_values.get("title", ""),
                        "children": [
                            c
                            for c in (
                                build(child, row_lookup, name, i, row_values)
                                for child in node["children"]
                            )
                            if c
                        ],
                    }
                )
            return {
                "kind": "repeat",
                "name": name,
                "id": f"r-{name}",
                "label": xlsform.label(node),
                "rows": rows,
                "errors": errors.get((name, None), []),
            }
        if kind == "note":
            return {"kind": "note", "label": xlsform.with_answers(xlsform.label(node), lookup)}
        if kind not in xlsform.FIELD_TYPES:
            return None
        source = row if row is not None else values
        value = source.get(name)
        if value is None:
            value = [] if kind == "select all that apply" else ""
        fid = field_id(name, repeat, index)
        if relevant or node.get("choice_filter"):
            conditional.append(f"{fid}-wrap")
        picked = (
            (value if isinstance(value, list) else str(value).split())
            if kind == "select all that apply"
            else [str(value)]
        )
        options = [
            (c, lab, c in picked, f"{fid}-{n}")
            for n, (c, lab) in enumerate(xlsform.choices(node, lookup))
        ]
        if kind == "select one":
            widget = "radio" if len(options) <= RADIO_MAX else "select"
        elif kind == "select all that apply":
            widget = "checkbox"
        elif kind == "acknowledge":
            widget = "checkbox"
            options = [(ACKNOWLEDGED, _("Ja, bekräftat"), value == ACKNOWLEDGED, f"{fid}-0")]
        elif kind == "text":
            widget = "input" if name in LONG_TEXT_EXCEPT else "textarea"
        else:
            widget = WIDGETS[kind]
        number = index + 1 if repeat == xlsform.INITIATIVES else None
        return {
            "kind": "field",
            "type": kind,
            "widget": widget,
            "name": name,
            "id": fid,
            "input_name": fid,
            "label": xlsform.with_answers(xlsform.label(node), lookup),
            "hint": xlsform.with_answers(xlsform.hint(node), lookup),
            "required": _is_required(node, lookup),
            "value": "" if isinstance(value, list) else value,
            "display": _display(node, value),
            "choices": options,
            "errors": errors.get((name, number), [])
            if repeat in (None, xlsform.INITIATIVES)
            else [],
            "hidden": not _is_relevant(node, lookup),
        }

    top = xlsform.Answers(definition, values)
    nodes = [
        n
        for n in (
            build(child, top)
            for child in definition.get("children", [])
            if not (child.get("name") == "meta" and child.get("type") == "group")
        )
        if n
    ]
    return nodes, conditional


def _first_inputs(nodes, found):
    """{field id: id of its first control}: a radio or checkbox group's first choice."""
    for node in nodes:
        if node["kind"] == "field":
            choices = node["choices"] if node["widget"] in ("radio", "checkbox") else ()
            found[node["id"]] = choices[0][3] if choices else node["id"]
        for child in node.get("children", ()):
            _first_inputs([child], found)
        for row in node.get("rows", ()):
            _first_inputs(row["children"], found)
    return found


def issue_links(nodes, issues):
    """The error summary's rows: (issue, id of the control its link focuses, or None)."""
    first = _first_inputs(nodes, {})
    links = []
    for issue in issues:
        field = getattr(issue, "field", None)
        if not field:
            links.append((issue, None))
            continue
        number = getattr(issue, "initiative", None)
        if number:
            fid = field_id(field, xlsform.INITIATIVES, number - 1)
        else:
            fid = field_id(field)
        links.append((issue, first.get(fid, fid)))
    return links


def compare_answers(definition, yours, saved):
    """The answers that differ between two versions of the form (the conflict page), in form
    order, as [(question, your answer, saved answer)] with answers as text for reading."""
    fields = xlsform.fields(definition)
    mine, theirs = form_inputs(definition, yours), form_inputs(definition, saved)
    rows = []
    for key in dict.fromkeys([*mine, *theirs]):
        if ROW_KEY.match(key) or mine.get(key, []) == theirs.get(key, []):
            continue
        row = ROW_INPUT.match(key)
        name = row["name"] if row else key.removeprefix("f-")
        node = fields.get(name, ({"name": name}, None))[0]
        label = str(xlsform.label(node))
        if row:
            label = _("Insats %(number)s: %(question)s") % {
                "number": int(row["index"]) + 1,
                "question": label,
            }

        def text(values, node=node):
            if node.get("type") == "select all that apply":
                return _display(node, values)
            return _display(node, values[0] if values else "")

        rows.append((label, text(mine.get(key, [])), text(theirs.get(key, []))))
    return rows


class ReviewFilterForm(forms.Form):
    """The filters of the county coordinator's list of reports to review (GET parameters
    `del`, `status`, `organisation`): values are checked against what the user may see."""

    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Alla"))] + list(ReportStatus.choices),
    )

    def __init__(self, data, agreement, user):
        super().__init__(data)
        self.fields["del"] = forms.ModelChoiceField(
            label=gettext_lazy("Del"),
            required=False,
            queryset=AgreementPart.objects.filter(agreement=agreement),
            to_field_name="slug",
            empty_label=gettext_lazy("Alla delar"),
        )
        self.fields["organisation"] = forms.ModelChoiceField(
            label=gettext_lazy("Organisation"),
            required=False,
            queryset=Organisation.objects.visible_to(user)
            .filter(reports__pot__part__agreement=agreement)
            .distinct()
            .order_by("name"),
            empty_label=gettext_lazy("Alla organisationer"),
        )
        self.order_fields(["del", "status", "organisation", "ordning"])

    ordning = forms.ChoiceField(
        label=gettext_lazy("Sortering"),
        required=False,
        choices=[
            ("", gettext_lazy("Äldst inskickad först")),
            ("nyast", gettext_lazy("Senast inskickad först")),
            ("organisation", gettext_lazy("Organisation")),
            ("del", gettext_lazy("Del")),
            ("status", gettext_lazy("Status")),
        ],
    )


# The status filters of the overviews: a report status, or late, not started or every row.
LATE, NOT_STARTED, EVERY_STATUS = "forsenad", "ej-paborjad", ""


def status_matches(row, status):
    """Whether a `report_status_rows` row passes the status filter `status`."""
    if status == LATE:
        return row["late"] and not row["done"]
    if status == NOT_STARTED:
        return row["report"] is None
    if status == EVERY_STATUS:
        return True
    return row["status"] == status


def _status_choices():
    return [
        (EVERY_STATUS, gettext_lazy("Alla")),
        (LATE, gettext_lazy("Försenade")),
        (NOT_STARTED, gettext_lazy("Inte påbörjad")),
        *ReportStatus.choices,
    ]


class CompletenessFilterForm(forms.Form):
    """The national completeness page's filters (GET `lan`, `status`): the county narrows
    every table, the status the list of reports (late ones by default)."""

    lan = forms.ModelChoiceField(
        label=gettext_lazy("Län"),
        required=False,
        queryset=County.objects.all(),
        to_field_name="code",
        empty_label=gettext_lazy("Alla län"),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"), required=False, choices=_status_choices
    )


class CountyOverviewFilterForm(forms.Form):
    """The county overview's filters (GET `del`, `status`)."""

    status = forms.ChoiceField(
        label=gettext_lazy("Status"), required=False, choices=_status_choices
    )

    def __init__(self, data, agreement):
        super().__init__(data)
        self.fields["del"] = forms.ModelChoiceField(
            label=gettext_lazy("Del"),
            required=False,
            queryset=AgreementPart.objects.filter(agreement=agreement),
            to_field_name="slug",
            empty_label=gettext_lazy("Alla delar"),
        )
        self.order_fields(["del", "status"])


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Vad behöver kompletteras?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class QuestionnaireUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Enkät (XLSForm, .xlsx eller .xls)"))

    def clean_file(self):
        return check_upload(self.cleaned_data["file"], FORM_EXTENSIONS)


def upload_error_text(errors):
    return _("Enkäten kunde inte sparas:") + " " + " ".join(errors)


def check_attachment(upload):
    """Raise forms.ValidationError (Swedish, naming the file) for a disallowed attachment."""
    return check_upload(upload, ATTACHMENT_EXTENSIONS)
