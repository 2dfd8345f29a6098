"""Reading a report: the detail and print page, attachments and the history."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stimulans.accounts.permissions import require

from .. import services, xlsform
from ..forminputs import ROW_INPUT
from ..forms import (
    ReturnForm,
    build_form,
)
from ..models import (
    Initiative,
    MeasureValue,
    ReportAttachment,
    ReportStatus,
)
from .common import report_or_404


@login_required
def report_detail(request, report_id):
    """One report for reading and printing, with the coordinator's and administrator's
    actions."""
    report = report_or_404(report_id)
    require(services.can_view_report(request.user, report))
    nodes, _conditional = build_form(
        services.definition_for(report), services.report_values(report)
    )
    return render(
        request,
        "reporting/report_detail.html",
        {
            "report": report,
            "autosaved_at": services.autosaved_at(report),
            "nodes": nodes,
            "allocation": services.allocation_for(report),
            "deadline": services.deadline_for(report),
            "late": services.is_late(report),
            "can_edit": services.can_edit_report(request.user, report) and report.is_editable,
            "can_return": services.can_return_report(request.user, report) and report.is_counted,
            "can_approve": services.can_approve_report(request.user, report)
            and report.status == ReportStatus.SUBMITTED,
            "return_form": ReturnForm(),
        },
    )


def _changes(record):
    """Changed fields of one history record, as [(field label, old, new)]."""
    prev = record.prev_record
    if prev is None:
        return []
    delta = record.diff_against(prev)
    rows = []
    for change in delta.changes:
        if change.field in ("version", "updated_at"):
            continue
        if change.field == "autosave_since":
            continue
        field = record.instance_type._meta.get_field(change.field)
        rows.append((str(field.verbose_name), change.old, change.new))
    return rows


def _autosave_text(saved, labels):
    """An autosave in the history: the questions whose answers it changed."""
    names = []
    for key in sorted(saved.changes):
        row = ROW_INPUT.match(key)
        if row:
            names.append(f"{row['repeat']} {int(row['index']) + 1}: {labels.get(row['name'], '')}")
        else:
            names.append(labels.get(key[2:], key))
    return _("ändrade svar: %(fields)s") % {"fields": "; ".join(names) or "–"}


@login_required
def attachment_download(request, report_id, attachment_id):
    report = report_or_404(report_id)
    require(services.can_view_report(request.user, report))
    attachment = get_object_or_404(report.attachments, pk=attachment_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=attachment.name)


def _who(user):
    if user is None:
        return "–"
    return user.get_full_name() or user.username


# simple_history's own names of its change types have no Swedish translation.
HISTORY_TYPES = {
    "+": gettext_lazy("Skapad"),
    "~": gettext_lazy("Ändrad"),
    "-": gettext_lazy("Borttagen"),
}


@login_required
def report_history(request, report_id):
    """Every change to the report, its initiatives and measures, with who and when."""
    report = report_or_404(report_id)
    require(services.can_view_report(request.user, report))
    labels = {
        name: str(xlsform.label(node))
        for name, (node, _repeat) in xlsform.fields(services.definition_for(report)).items()
    }
    events = []
    for record in report.history.select_related("history_user").all():
        events.append(
            {
                "when": record.history_date,
                "who": _who(record.history_user),
                "what": _("Redovisningen"),
                "type": HISTORY_TYPES[record.history_type],
                "status": ReportStatus(record.status).label,
                "changes": _changes(record),
            }
        )
    # A removed initiative can be put back from here while the report is a draft.
    restorable = set()
    if report.is_editable and services.can_edit_report(request.user, report):
        present = set(report.initiatives.values_list("identifier", flat=True))
        restorable = {
            history_id
            for history_id, identifier in Initiative.history.filter(
                report_id=report.pk, history_type="-"
            ).values_list("history_id", "identifier")
            if identifier not in present
        }
    for model, what in (
        (Initiative, _("Insats")),
        (MeasureValue, _("Mätvärde")),
        (ReportAttachment, _("Bilaga")),
    ):
        for record in model.history.filter(report_id=report.pk).select_related("history_user"):
            name = (
                getattr(record, "title", "")
                or getattr(record, "code", "")
                or getattr(record, "name", "")
            )
            events.append(
                {
                    "when": record.history_date,
                    "who": _who(record.history_user),
                    "what": f"{what}: {name}" if name else what,
                    "type": HISTORY_TYPES[record.history_type],
                    "status": "",
                    "changes": _changes(record),
                    "restore": model is Initiative and record.history_id in restorable,
                    "record": record.history_id,
                }
            )
    label = _("Automatiskt sparat utkast")
    for saved in report.autosaves.select_related("saved_by"):
        events.append(
            {
                "when": saved.saved_at,
                "who": _who(saved.saved_by),
                "what": label,
                "type": _("Ändrad"),
                "status": "",
                "changes": [(label, "", _autosave_text(saved, labels))],
            }
        )
    events.sort(key=lambda e: e["when"], reverse=True)
    return render(request, "reporting/report_history.html", {"report": report, "events": events})
