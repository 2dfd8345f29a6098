"""Report pages: my reports, the report form, reading and printing a report, its history, the
county overview, national completeness with reminders, and the questionnaires."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.accounts.permissions import can_act_for_organisation, can_view_county, require
from stimulans.core.text import is_digits, year_param
from stimulans.funds.models import Agreement, Pot
from stimulans.organisations.models import County

from . import services, xlsform
from .forminputs import FORM_INPUT_PREFIXES, ROW_INPUT, FormAction, parse_post
from .forms import (
    QuestionnaireUploadForm,
    ReturnForm,
    build_form,
    check_attachment,
    compare_answers,
)
from .models import (
    Initiative,
    MeasureValue,
    Questionnaire,
    Report,
    ReportAttachment,
    ReportStatus,
)
from .questionnaires.loader import install_questionnaire
from .services.formpost import post_form


def _report(report_id):
    return get_object_or_404(
        Report.objects.select_related("organisation__county", "pot__part__agreement"),
        pk=report_id,
    )


def _latest_year():
    agreement = Agreement.objects.order_by("-year").first()
    if agreement is None:
        raise Http404
    return agreement.year


# --- reporter -------------------------------------------------------------------------------


@login_required
def my_reports(request):
    """The reporter's pots of the year with their reports; national roles go to completeness,
    coordinators see their own organisation's reports and a link to the county overview."""
    user = request.user
    year = year_param(request.GET.get("ar")) or _latest_year()
    if user.organisation is None:
        return redirect("reporting:completeness", year=year)
    org = user.organisation
    rows = []
    for pot in services.pots_for_organisation(org, year):
        report = Report.objects.filter(organisation=org, pot=pot).first()
        allocation = pot.allocations.filter(organisation=org).first()
        rows.append(
            {
                "pot": pot,
                "report": report,
                "allocation": allocation,
                "late": services.is_late(report) if report else _deadline_passed(pot),
            }
        )
    agreement = Agreement.objects.filter(year=year).first()
    return render(
        request,
        "reporting/my_reports.html",
        {
            "organisation": org,
            "rows": rows,
            "year": year,
            "agreement": agreement,
            "can_act": can_act_for_organisation(user, org),
            "years": Agreement.objects.values_list("year", flat=True),
        },
    )


def _deadline_passed(pot):
    from django.utils import timezone

    deadline = services.deadline_for(pot)
    return deadline is not None and timezone.localdate() > deadline


@login_required
@require_POST
def open_report(request, pot_id):
    """Create (or find) the user's organisation's report for the pot and go to its form."""
    pot = get_object_or_404(Pot, pk=pot_id)
    org = request.user.organisation
    require(org is not None and can_act_for_organisation(request.user, org))
    if org.kind != pot.recipient_kind:
        raise PermissionDenied
    report, _created = services.get_or_create_report(org, pot, request.user)
    return redirect("reporting:edit", report_id=report.pk)


def _form_context(report, values, issues=(), error=None, page=None):
    definition = services.definition_for(report)
    nodes, conditional = build_form(definition, values, issues)
    allocation = services.allocation_for(report)
    return {
        "report": report,
        "nodes": nodes,
        "conditional": ",".join(f"#{c}" for c in conditional),
        "issues": issues,
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
    report = _report(report_id)
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


def _kr(amount):
    if amount is None:
        return _("inte ifyllt")
    return _("%(amount)s kr") % {"amount": formats.number_format(amount, force_grouping=True)}


def _confirm(request, report, **context):
    """The confirmation page of an action that cannot be undone by the one who does it."""
    context.setdefault("status", 200)
    status = context.pop("status")
    return render(
        request, "reporting/report_confirm.html", {"report": report, **context}, status=status
    )


@login_required
def report_submit(request, report_id):
    """ "Skicka in", second step: what is being submitted (totals, initiatives, attachments)
    and the final button. The form saved the draft before it came here; the submission is
    checked against the version this page showed."""
    report = _report(report_id)
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
    return _confirm(
        request,
        report,
        status=status,
        error=error,
        title=_("Skicka in redovisningen"),
        intro=_("Kontrollera sammanfattningen. Det här skickas in:"),
        facts=[
            (_("Tilldelade medel"), _kr(allocation.amount_sek if allocation else None)),
            (_("Erhållna medel"), _kr(summary["funds_received_sek"])),
            (_("Överförda medel från föregående år"), _kr(summary["funds_carried_over_sek"])),
            (_("Använda medel"), _kr(summary["funds_used_sek"])),
            (_("Antal insatser"), str(summary["initiatives"])),
            (_("Insatsernas medel sammanlagt"), _kr(summary["initiative_funds_sek"])),
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
    report = _report(report_id)
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
    return _confirm(
        request,
        report,
        status=status,
        error=error,
        title=_("Ta bort insats %(number)d?") % {"number": number},
        intro=_("Den här insatsen tas bort ur redovisningen, med alla sina svar:"),
        facts=[
            (_("Insatsens namn"), initiative.title or _("inte ifyllt")),
            (_("Insatskategori"), str(initiative.category) if initiative.category_id else "–"),
            (_("Använda medel"), _kr(initiative.funds_sek)),
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
    report = _report(report_id)
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
    if report.status in services.EDITABLE:
        return redirect("reporting:edit", report_id=report.pk)
    return redirect("reporting:detail", report_id=report.pk)


@login_required
@require_POST
def report_relevance(request, report_id):
    """htmx: re-render the form from the posted answers (nothing is saved) so that follow-up
    questions appear and disappear; the page swaps in only the conditional parts."""
    report = _report(report_id)
    require(services.can_edit_report(request.user, report))
    data = parse_post(services.definition_for(report), request.POST)
    return render(request, "reporting/report_form.html", _form_context(report, data))


# --- reading --------------------------------------------------------------------------------


@login_required
def report_detail(request, report_id):
    """One report for reading and printing, with the coordinator's and administrator's
    actions."""
    report = _report(report_id)
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
    report = _report(report_id)
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
    report = _report(report_id)
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
    if report.status in services.EDITABLE and services.can_edit_report(request.user, report):
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


@login_required
@require_POST
def report_return(request, report_id):
    """Return for correction. The detail page's form comes here with the comment; this page
    shows what will happen and asks, and its "Återsänd" (with `confirmed`) returns the report,
    checked against the version it showed."""
    report = _report(report_id)
    require(services.can_view_report(request.user, report))
    require(services.can_return_report(request.user, report))
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv en kommentar om vad som behöver kompletteras."))
        return redirect("reporting:detail", report_id=report.pk)
    comment = form.cleaned_data["comment"]
    error = None
    status = 200
    if request.POST.get("confirmed"):
        try:
            services.return_report(report, request.user, comment, request.POST.get("version", ""))
        except services.ConcurrentEditError:
            report.refresh_from_db()
            error = _("Redovisningen har ändrats sedan sidan visades. Kontrollera och försök igen.")
            status = 409
        except services.WorkflowError as exc:
            messages.error(request, str(exc))
            return redirect("reporting:detail", report_id=report.pk)
        else:
            messages.success(request, _("Redovisningen är återsänd för komplettering."))
            return redirect("reporting:detail", report_id=report.pk)
    return _confirm(
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
    report = _report(report_id)
    require(services.can_approve_report(request.user, report))
    error = None
    status = 200
    if request.method == "POST" and request.POST.get("confirmed"):
        try:
            services.approve_report(report, request.user, request.POST.get("version", ""))
        except services.ConcurrentEditError:
            report.refresh_from_db()
            error = _("Redovisningen har ändrats sedan sidan visades. Kontrollera och försök igen.")
            status = 409
        except services.WorkflowError as exc:
            messages.error(request, str(exc))
            return redirect("reporting:detail", report_id=report.pk)
        else:
            messages.success(request, _("Redovisningen är godkänd."))
            return redirect("reporting:detail", report_id=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        messages.error(request, _("Bara inskickade redovisningar kan godkännas."))
        return redirect("reporting:detail", report_id=report.pk)
    summary = services.submission_summary(report)
    return _confirm(
        request,
        report,
        status=status,
        error=error,
        title=_("Godkänn redovisningen?"),
        intro=_("Redovisningen från %(organisation)s godkänns:")
        % {"organisation": report.organisation.name},
        facts=[
            (_("Använda medel"), _kr(summary["funds_used_sek"])),
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


# --- overviews ------------------------------------------------------------------------------


@login_required
def county_overview(request, year, county_code=None):
    """Every report in one county with its status: county coordinators see their own county,
    national administrators and analysts any county."""
    user = request.user
    if county_code is None:
        if user.is_county_coordinator and user.county_id:
            county_code = user.organisation.county.code
        elif user.reads_everything:
            return redirect("reporting:completeness", year=year)
        else:
            raise PermissionDenied
    county = get_object_or_404(County, code=county_code)
    require(can_view_county(user, county))
    agreement = get_object_or_404(Agreement, year=year)
    pots = list(Pot.objects.filter(part__agreement=agreement).select_related("part__agreement"))
    status = services.report_status_by_pot(pots, county)
    sections = []
    for pot in pots:
        rows = status[pot.pk]
        sections.append(
            {
                "pot": pot,
                "rows": rows,
                "done": sum(1 for r in rows if r["done"]),
            }
        )
    return render(
        request,
        "reporting/county_overview.html",
        {
            "county": county,
            "agreement": agreement,
            "sections": sections,
            "counties": County.objects.all() if user.reads_everything else None,
        },
    )


@login_required
def completeness(request, year):
    """National completeness: per pot and county, how many have submitted and how many are
    late. National administrators and analysts."""
    user = request.user
    require(user.reads_everything)
    agreement = get_object_or_404(Agreement, year=year)
    counties = list(County.objects.all())
    pots = list(Pot.objects.filter(part__agreement=agreement).select_related("part__agreement"))
    status = services.report_status_by_pot(pots)
    table = []
    for pot in pots:
        rows = status[pot.pk]
        by_county = defaultdict(lambda: {"expected": 0, "done": 0, "late": 0})
        for row in rows:
            cell = by_county[row["organisation"].county_id]
            cell["expected"] += 1
            cell["done"] += row["done"]
            cell["late"] += row["late"] and not row["done"]
        table.append(
            {
                "pot": pot,
                "expected": len(rows),
                "done": sum(1 for r in rows if r["done"]),
                "late": sum(1 for r in rows if r["late"] and not r["done"]),
                "counties": [by_county.get(c.pk) for c in counties],
            }
        )
    return render(
        request,
        "reporting/completeness.html",
        {
            "agreement": agreement,
            "table": table,
            "county_rows": [
                (county, [row["counties"][i] for row in table]) for i, county in enumerate(counties)
            ],
        },
    )


@login_required
def pot_completeness(request, year, pot_id):
    """One pot: every expected organisation with its status, lateness and last reminder (and
    what became of it); the national administrator sees who each reminder would go to, and
    sends reminders from here."""
    require(request.user.reads_everything)
    pot = get_object_or_404(
        Pot.objects.select_related("part__agreement"), pk=pot_id, part__agreement__year=year
    )
    rows = services.report_status_rows(pot)
    county = request.GET.get("lan")
    if county:
        rows = [r for r in rows if r["organisation"].county.code == county]
    missing = [r for r in rows if not r["done"]]
    if request.user.is_national_admin:
        recipients = services.reminder_recipients(r["organisation"] for r in missing)
        for r in missing:
            r["recipients"] = recipients[r["organisation"].pk]
    return render(
        request,
        "reporting/pot_completeness.html",
        {
            "pot": pot,
            "rows": rows,
            "missing": missing,
            "reachable": [r for r in missing if r.get("recipients")],
            "county": county,
            "deadline": services.deadline_for(pot),
        },
    )


@role_required(Role.NATIONAL_ADMIN)
@require_POST
def send_reminders(request, year, pot_id):
    pot = get_object_or_404(Pot, pk=pot_id, part__agreement__year=year)
    ids = [int(i) for i in request.POST.getlist("organisation") if is_digits(i)]
    orgs = services.expected_organisations(pot).filter(pk__in=ids) if ids else []
    link = request.build_absolute_uri(reverse("reporting:my_reports"))
    result = services.send_reminders(pot, orgs, request.user, link=link)
    if result.reminded:
        messages.success(
            request,
            _(
                "Påminnelse till %(organisations)s: %(messages)s till %(addresses)s. "
                "Meddelandena skickas i bakgrunden; kolumnen Senaste påminnelse visar hur det gick."
            )
            % {
                "organisations": ngettext(
                    "%(count)d organisation", "%(count)d organisationer", len(result.reminded)
                )
                % {"count": len(result.reminded)},
                "messages": ngettext(
                    "%(count)d meddelande", "%(count)d meddelanden", result.messages
                )
                % {"count": result.messages},
                "addresses": ngettext("%(count)d adress", "%(count)d adresser", result.addresses)
                % {"count": result.addresses},
            },
        )
    if result.unreachable:
        messages.warning(
            request,
            ngettext(
                "%(count)d organisation kunde inte nås, eftersom ingen aktiv användare där har "
                "en e-postadress: %(names)s.",
                "%(count)d organisationer kunde inte nås, eftersom ingen aktiv användare där har "
                "en e-postadress: %(names)s.",
                len(result.unreachable),
            )
            % {
                "count": len(result.unreachable),
                "names": ", ".join(org.name for org in result.unreachable),
            },
        )
    if not result.reminded and not result.unreachable:
        messages.info(request, _("Ingen påminnelse skickades: välj organisationer som saknas."))
    return redirect("reporting:pot_completeness", year=year, pot_id=pot.pk)


# --- questionnaires -------------------------------------------------------------------------


@login_required
def questionnaire_list(request, year):
    agreement = get_object_or_404(Agreement, year=year)
    pots = Pot.objects.filter(part__agreement=agreement).select_related("part", "questionnaire")
    return render(
        request,
        "reporting/questionnaire_list.html",
        {
            "agreement": agreement,
            "pots": pots,
            "form": QuestionnaireUploadForm() if request.user.is_national_admin else None,
        },
    )


@login_required
def questionnaire_download(request, year, pot_id):
    questionnaire = get_object_or_404(Questionnaire, pot_id=pot_id, pot__part__agreement__year=year)
    response = HttpResponse(
        bytes(questionnaire.xlsform),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{questionnaire.xlsform_name}"'
    return response


@role_required(Role.NATIONAL_ADMIN)
@require_POST
def questionnaire_upload(request, year, pot_id):
    pot = get_object_or_404(Pot, pk=pot_id, part__agreement__year=year)
    form = QuestionnaireUploadForm(request.POST, request.FILES)
    errors = []
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            install_questionnaire(pot, upload.read(), upload.name, request.user)
        except xlsform.XLSFormError as exc:
            errors = exc.errors
        else:
            messages.success(request, _("Enkäten för %(pot)s är sparad.") % {"pot": pot})
            return redirect("reporting:questionnaires", year=year)
    pots = Pot.objects.filter(part__agreement__year=year).select_related("part", "questionnaire")
    return render(
        request,
        "reporting/questionnaire_list.html",
        {
            "agreement": pot.agreement,
            "pots": pots,
            "form": form,
            "upload_pot": pot,
            "upload_errors": errors,
        },
        status=400,
    )
