"""Returning a report for correction and approving it, each after a confirmation page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.permissions import require

from .. import services
from ..forms import (
    ReturnForm,
)
from ..models import (
    ReportStatus,
)
from .common import confirm_page, kr, report_or_404


def _act(request, report, act, success):
    """The confirmed step of returning or approving: `act(version)` with the version the
    confirmation page showed. Returns (a redirect to the report, None, 200) when it is done or
    refused, or (None, the message, 409) when the report changed since the page was shown, so
    that the page is shown again with the new state."""
    try:
        act(request.POST.get("version", ""))
    except services.ConcurrentEditError:
        report.refresh_from_db()
        error = _("Redovisningen har ändrats sedan sidan visades. Kontrollera och försök igen.")
        return None, error, 409
    except services.WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect("reporting:detail", report_id=report.pk), None, 200


@login_required
@require_POST
def report_return(request, report_id):
    """Return for correction. The detail page's form comes here with the comment; this page
    shows what will happen and asks, and its "Återsänd" (with `confirmed`) returns the report,
    checked against the version it showed."""
    report = report_or_404(report_id)
    require(services.can_view_report(request.user, report))
    require(services.can_return_report(request.user, report))
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv en kommentar om vad som behöver kompletteras."))
        return redirect("reporting:detail", report_id=report.pk)
    comment = form.cleaned_data["comment"]
    error, status = None, 200
    if request.POST.get("confirmed"):
        done, error, status = _act(
            request,
            report,
            lambda version: services.return_report(report, request.user, comment, version),
            _("Redovisningen är återsänd för komplettering."),
        )
        if done:
            return done
    return confirm_page(
        request,
        report,
        status=status,
        error=error,
        title=_("Återsänd redovisningen för komplettering?"),
        intro=_("Redovisningen från %(organisation)s återsänds med din kommentar:")
        % {"organisation": report.organisation.name},
        facts=[(_("Kommentar"), comment)],
        consequences=[
            _(
                "Redovisningen blir ett utkast igen som %(organisation)s kan ändra och skicka "
                "in på nytt. Kommentaren visas för dem i formuläret."
            )
            % {"organisation": report.organisation.name},
            *([_("Godkännandet tas bort.")] if report.status == ReportStatus.APPROVED else []),
        ],
        action=reverse("reporting:return", args=[report.pk]),
        hidden=[("comment", comment), ("version", report.version), ("confirmed", "1")],
        button=_("Återsänd för komplettering"),
        back=reverse("reporting:detail", args=[report.pk]),
        back_label=_("Avbryt"),
    )


@login_required
def report_approve(request, report_id):
    """Approve: this page shows what will happen and asks; its "Godkänn" (a POST with
    `confirmed`) approves, checked against the version it showed."""
    report = report_or_404(report_id)
    require(services.can_approve_report(request.user, report))
    error, status = None, 200
    if request.method == "POST" and request.POST.get("confirmed"):
        done, error, status = _act(
            request,
            report,
            lambda version: services.approve_report(report, request.user, version),
            _("Redovisningen är godkänd."),
        )
        if done:
            return done
    if report.status != ReportStatus.SUBMITTED:
        messages.error(request, _("Bara inskickade redovisningar kan godkännas."))
        return redirect("reporting:detail", report_id=report.pk)
    summary = services.submission_summary(report)
    return confirm_page(
        request,
        report,
        status=status,
        error=error,
        title=_("Godkänn redovisningen?"),
        intro=_("Redovisningen från %(organisation)s godkänns:")
        % {"organisation": report.organisation.name},
        facts=[
            (_("Använda medel"), kr(summary["funds_used_sek"])),
            (_("Antal insatser"), str(summary["initiatives"])),
        ],
        consequences=[
            _(
                "En godkänd redovisning räknas som klar. Den kan fortfarande återsändas för "
                "komplettering."
            )
        ],
        action=reverse("reporting:approve", args=[report.pk]),
        hidden=[("version", report.version), ("confirmed", "1")],
        button=_("Godkänn redovisningen"),
        back=reverse("reporting:detail", args=[report.pk]),
        back_label=_("Avbryt"),
    )
