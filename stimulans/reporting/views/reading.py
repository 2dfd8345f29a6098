"""Reading a report: the detail and print page, attachments and the history."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from stimulans.accounts.permissions import require

from .. import services
from ..forms import (
    ReturnForm,
    build_form,
)
from ..models import ReportStatus
from ..services.history import report_events
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


@login_required
def report_history(request, report_id):
    """Every change to the report, its initiatives and measures, with who and when."""
    report = report_or_404(report_id)
    require(services.can_view_report(request.user, report))
    events = report_events(report, request.user)
    return render(request, "reporting/report_history.html", {"report": report, "events": events})
