"""The report form: saving, autosaving, adding and removing initiatives, submitting (with its
summary page), skip logic."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.permissions import require

from .. import services, xlsform
from ..forminputs import FORM_INPUT_PREFIXES, FormAction, parse_post
from ..forms import (
    build_form,
    check_attachment,
    compare_answers,
    issue_links,
)
from ..models import (
    Initiative,
    Report,
)
from ..services.formpost import post_form
from .common import confirm_page, kr, report_or_404


def _form_context(report, values, issues=(), error=None, page=None):
    definition = services.definition_for(report)
    nodes, conditional = build_form(definition, values, issues)
    allocation = services.allocation_for(report)
    return {
        "report": report,
        "nodes": nodes,
        "conditional": ",".join(f"#{c}" for c in conditional),
        "issues": issue_links(nodes, issues),
        "allocation": allocation,
        "deadline": services.deadline_for(report),
        "late": services.is_late(report),
        "error": error,
        "has_questionnaire": hasattr(report.pot, "questionnaire"),
        "autosaved_at": services.autosaved_at(report),
        "page_token": page or services.new_page_token(),
    }


def _refusal(upload, action):
    """Why the form's POST is refused before anything is saved (a bad attachment, a bad
    attachment id), as a Swedish message, or None."""
    if action.kind == "remove_attachment" and action.attachment_id is None:
        return _("Bilagan som skulle tas bort finns inte. Ingenting är sparat; försök igen.")
    if upload is not None:
        try:
            check_attachment(upload)
        except ValidationError as exc:
            return (
                " ".join(exc.messages)
                + " "
                + _("Ingenting är sparat: välj en annan fil eller ta bort filvalet och spara igen.")
            )
    return None


def _undo_notice(request, report):
    """The initiative just removed ("?borttagen=<history id>"), while it can be restored."""
    record = services.removed_initiative(report, request.GET.get("borttagen"))
    if record is None:
        return None
    return {"history_id": record.history_id, "title": record.title or record.identifier}


@login_required
def report_edit(request, report_id):
    """The report form. Every button saves the draft first (optimistic locking on `version`,
    per page load: see services.check_version); "Lägg till insats" adds an initiative, "Ta
    bort insats" and "Skicka in" lead on to their confirmation pages. An attachment is stored
    with the draft, in the same transaction."""
    report = report_or_404(report_id)
    require(services.can_edit_report(request.user, report))
    if not report.is_editable:
        messages.info(request, _("Redovisningen är inskickad och kan inte ändras."))
        return redirect("reporting:detail", report_id=report.pk)
    if request.method != "POST":
        values = services.autosaved_values(report) or services.report_values(report)
        context = _form_context(report, values)
        context["undo"] = _undo_notice(request, report)
        return render(request, "reporting/report_form.html", context)
    definition = services.definition_for(report)
    data = parse_post(definition, request.POST)
    action = FormAction.parse(request.POST.get("action"), xlsform.repeats(definition))
    version = request.POST.get("version")
    page = services.page_token(request.POST.get("page"))
    upload = request.FILES.get("attachment")
    refusal = _refusal(upload, action)
    if refusal:
        # Nothing is saved; the form comes back with what was typed, on the same version.
        context = _form_context(report, data, error=refusal, page=page)
        context["form_version"] = version
        return render(request, "reporting/report_form.html", context, status=400)
    try:
        result = post_form(report, data, action, upload, request.user, version, page)
    except services.ConcurrentEditError as exc:
        return _conflict(request, report, definition, data, exc)
    except services.WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("reporting:detail", report_id=report.pk)
    if upload is not None:
        messages.success(request, _("Bilagan %(name)s är sparad.") % {"name": upload.name})
    if action.kind == "submit":
        if result.issues:
            context = _form_context(report, services.report_values(report), result.issues)
            return render(request, "reporting/report_form.html", context, status=400)
        return redirect("reporting:submit", report_id=report.pk)
    anchor = ""
    if action.kind == "add":
        anchor = f"#r-{action.repeat}-{result.added_row}"
    elif action.kind == "remove":
        anchor = f"#r-{action.repeat}"
    if upload is not None:
        anchor = anchor or "#bilagor"
    if action.kind == "remove_attachment":
        anchor = "#bilagor"
    messages.success(request, _("Utkastet är sparat."))
    if result.remove_identifier is not None:
        return redirect(
            "reporting:remove_initiative",
            report_id=report.pk,
            identifier=result.remove_identifier,
        )
    return redirect(reverse("reporting:edit", args=[report.pk]) + anchor)


def _conflict(request, report, definition, data, exc):
    """The conflict page: the form with the caller's answers, and a table of the answers that
    differ from the saved version. The form now carries the saved version: saving it again
    replaces the saved answers with the caller's (the history keeps both)."""
    report.refresh_from_db()
    saved = services.autosaved_values(report, definition) or services.report_values(report)
    context = _form_context(report, data, error=str(exc))
    context["conflict"] = compare_answers(definition, data, saved)
    context["form_version"] = report.version
    return render(request, "reporting/report_form.html", context, status=409)


@login_required
@require_POST
def report_autosave(request, report_id):
    """htmx: the form's autosave, a couple of seconds after the reporter stops typing. The page
    posts the inputs changed since its previous autosave (and in "cleared" the names of inputs
    now left empty) with its page token; services.autosave keeps them as they are. Answers
    with the status line and, out of band, the form's new version. Requests over
    services.AUTOSAVE_MAX_BYTES are refused with 413 and a message."""
    try:
        size = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        size = 0
    if size > services.AUTOSAVE_MAX_BYTES:
        return HttpResponse(
            format_html('<span class="error">{}</span>', services.AutosaveTooLarge()),
            status=413,
        )
    changes = {
        key: [value.replace("\x00", "") for value in request.POST.getlist(key)]
        for key in request.POST
        if key.startswith(FORM_INPUT_PREFIXES)
    }
    for key in request.POST.getlist("cleared"):
        if key.startswith(FORM_INPUT_PREFIXES) and key not in changes:
            changes[key] = []
    try:
        version, saved_at = services.autosave(
            report_id,
            changes,
            request.user,
            request.POST.get("version"),
            request.POST.get("page", ""),
        )
    except Report.DoesNotExist as exc:
        raise Http404 from exc
    except services.WorkflowError as exc:  # also ConcurrentEditError
        return HttpResponse(format_html('<span class="error">{}</span>', exc), status=409)
    # A plain fragment, no template context: this answers every few seconds per reporter.
    time = formats.time_format(timezone.localtime(saved_at), "H:i:s")
    return HttpResponse(
        format_html(
            '{}\n<input type="hidden" name="version" id="report-version" value="{}" '
            'hx-swap-oob="true">',
            _("Utkastet sparades automatiskt kl. %(time)s.") % {"time": time},
            version,
        )
    )


@login_required
def report_submit(request, report_id):
    """ "Skicka in", second step: what is being submitted (totals, initiatives, attachments)
    and the final button. The form saved the draft before it came here; the submission is
    checked against the version this page showed."""
    report = report_or_404(report_id)
    require(services.can_edit_report(request.user, report))
    if not report.is_editable:
        messages.info(request, _("Redovisningen är inskickad och kan inte ändras."))
        return redirect("reporting:detail", report_id=report.pk)
    error = None
    status = 200
    if request.method == "POST":
        try:
            issues = services.submit(report, request.user, request.POST.get("version", ""))
        except services.ConcurrentEditError:
            report.refresh_from_db()
            error = _(
                "Redovisningen har ändrats sedan sammanfattningen visades. Kontrollera "
                "sammanfattningen nedan och skicka in igen."
            )
            status = 409
        except services.WorkflowError as exc:
            messages.error(request, str(exc))
            return redirect("reporting:detail", report_id=report.pk)
        else:
            if issues:
                values = services.report_values(report)
                context = _form_context(report, values, issues)
                return render(request, "reporting/report_form.html", context, status=400)
            messages.success(request, _("Redovisningen är inskickad. Tack!"))
            return redirect("reporting:detail", report_id=report.pk)
    summary = services.submission_summary(report)
    allocation = services.allocation_for(report)
    return confirm_page(
        request,
        report,
        status=status,
        error=error,
        title=_("Skicka in redovisningen"),
        intro=_("Kontrollera sammanfattningen. Det här skickas in:"),
        facts=[
            (_("Tilldelade medel"), kr(allocation.amount_sek if allocation else None)),
            (_("Erhållna medel"), kr(summary["funds_received_sek"])),
            (_("Överförda medel från föregående år"), kr(summary["funds_carried_over_sek"])),
            (_("Använda medel"), kr(summary["funds_used_sek"])),
            (_("Antal insatser"), str(summary["initiatives"])),
            (_("Insatsernas medel sammanlagt"), kr(summary["initiative_funds_sek"])),
            (_("Bifogade filer"), str(summary["attachments"])),
        ],
        consequences=[
            _(
                "När redovisningen är inskickad kan den inte ändras. Länssamordnaren kan "
                "återsända den för komplettering."
            )
        ],
        action=reverse("reporting:submit", args=[report.pk]),
        hidden=[("version", report.version)],
        button=_("Skicka in"),
        back=reverse("reporting:edit", args=[report.pk]),
        back_label=_("Tillbaka till formuläret"),
    )


@login_required
def initiative_remove(request, report_id, identifier):
    """ "Ta bort insats", second step: names the initiative and asks; the removal is checked
    against the version this page showed, and the form then offers "Ångra"."""
    report = report_or_404(report_id)
    require(services.can_edit_report(request.user, report))
    if not report.is_editable:
        messages.info(request, _("Redovisningen är inskickad och kan inte ändras."))
        return redirect("reporting:detail", report_id=report.pk)
    initiative = report.initiatives.filter(identifier=identifier).first()
    if initiative is None:
        raise Http404
    number = list(report.initiatives.order_by("order", "pk")).index(initiative) + 1
    error = None
    status = 200
    if request.method == "POST":
        try:
            record = services.remove_initiative(
                report, identifier, request.user, request.POST.get("version", "")
            )
        except Initiative.DoesNotExist as exc:  # removed in between
            raise Http404 from exc
        except services.ConcurrentEditError:
            report.refresh_from_db()
            error = _(
                "Redovisningen har ändrats sedan sidan visades. Kontrollera att det är rätt "
                "insats och försök igen."
            )
            status = 409
        except services.WorkflowError as exc:
            messages.error(request, str(exc))
            return redirect("reporting:detail", report_id=report.pk)
        else:
            # The form says so itself, with "Ångra" (no message as well: it would say it twice).
            url = reverse("reporting:edit", args=[report.pk])
            return redirect(f"{url}?borttagen={record.history_id}#angra")
    return confirm_page(
        request,
        report,
        status=status,
        error=error,
        title=_("Ta bort insats %(number)d?") % {"number": number},
        intro=_("Den här insatsen tas bort ur redovisningen, med alla sina svar:"),
        facts=[
            (_("Insatsens namn"), initiative.title or _("inte ifyllt")),
            (_("Insatskategori"), str(initiative.category) if initiative.category_id else "–"),
            (_("Använda medel"), kr(initiative.funds_sek)),
        ],
        consequences=[
            _(
                "Du kan ångra borttagningen direkt efteråt, och återställa insatsen från "
                "historiken så länge redovisningen inte är inskickad."
            )
        ],
        action=reverse("reporting:remove_initiative", args=[report.pk, identifier]),
        hidden=[("version", report.version)],
        button=_("Ta bort insatsen"),
        back=reverse("reporting:edit", args=[report.pk]) + f"#r-initiatives-{number - 1}",
        back_label=_("Avbryt, behåll insatsen"),
    )


@login_required
@require_POST
def initiative_restore(request, report_id):
    """ "Ångra" after a removal, or "Återställ" in the history: the initiative comes back with
    its answers."""
    report = report_or_404(report_id)
    require(services.can_edit_report(request.user, report))
    try:
        initiative = services.restore_initiative(report, request.POST.get("record"), request.user)
    except services.WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Insatsen %(title)s är återställd.") % {"title": str(initiative)}
        )
        return redirect(
            reverse("reporting:edit", args=[report.pk]) + f"#r-initiatives-{initiative.order}"
        )
    if report.is_editable:
        return redirect("reporting:edit", report_id=report.pk)
    return redirect("reporting:detail", report_id=report.pk)


@login_required
@require_POST
def report_relevance(request, report_id):
    """htmx: re-render the form from the posted answers (nothing is saved) so that follow-up
    questions appear and disappear; the page swaps in only the conditional parts."""
    report = report_or_404(report_id)
    require(services.can_edit_report(request.user, report))
    data = parse_post(services.definition_for(report), request.POST)
    return render(request, "reporting/report_form.html", _form_context(report, data))
