"""The pages of one plan version: reading, editing its fields, publishing, a new version,
comments, comparing versions, exports and attachments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.permissions import require
from stimulans.lib.confirm import confirmation, confirmed
from stimulans.lib.text import is_digits

from .. import forms as plan_forms
from ..diff import diff_plans
from ..docx_export import build_docx
from ..feedback import goal_follow_up, reported_year_before
from ..models import (
    ActionPlan,
    NeedsAttachment,
    PlanComment,
)
from ..pdf_export import build_pdf
from ..permissions import (
    can_comment_plan,
    can_edit_plan,
    can_publish_plan,
    can_start_version,
    can_view_plan,
)
from ..report_links import activity_follow_up
from ..services import (
    ConcurrentEdit,
    PlanError,
    previous_version,
    publish,
    recent_changes,
    save_plan_fields,
    start_new_version,
)
from ..yaml_export import export_yaml
from .common import plan_column, plan_for


@login_required
def plan_detail(request, pk):
    plan = plan_for(request, pk)
    user = request.user
    previous = previous_version(plan)
    if previous is not None and not can_view_plan(user, previous):
        previous = None
    versions = (
        ActionPlan.objects.visible_to(user)
        .select_related("county")
        .of(plan.scope, plan.county)
        .exclude(pk=pk)
    )
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "current": plan_column(plan),
            "previous": plan_column(previous) if previous else None,
            "versions": versions.order_by("-year", "-version"),
            "comments": plan.comments.select_related("author__organisation"),
            "changes": recent_changes(plan) if plan.is_draft else [],
            "can_edit": can_edit_plan(user, plan),
            "can_publish": can_publish_plan(user, plan),
            "can_comment": can_comment_plan(user, plan),
            "can_start_version": can_start_version(user, plan) and plan.is_published,
            "comment_form": plan_forms.CommentForm(),
            "publish_form": plan_forms.PublishForm(initial={"lock_version": plan.lock_version}),
            "next_year": plan.year + 1,
            "reported": reported_year_before(user, plan),
            "follow_up": goal_follow_up(user, plan),
            "activity_follow_up": activity_follow_up(user, plan),
        },
    )


@login_required
def plan_edit(request, pk):
    plan = plan_for(request, pk)
    require(can_edit_plan(request.user, plan))
    status = 200
    if request.method == "POST":
        form = plan_forms.PlanForm(request.POST, instance=plan, plan=plan)
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if k != "lock_version"}
            try:
                save_plan_fields(plan, form.cleaned_data["lock_version"], **fields)
            except PlanError as exc:
                form.add_error(None, str(exc))
                status = 409 if isinstance(exc, ConcurrentEdit) else 400
            else:
                messages.success(request, _("Planen är sparad."))
                return redirect("plans:plan_detail", pk=plan.pk)
        else:
            status = 400
    else:
        form = plan_forms.PlanForm(instance=plan, plan=plan)
    return render(
        request,
        "plans/item_form.html",
        {"plan": plan, "form": form, "heading": _("Planens uppgifter")},
        status=status,
    )


def _publish_confirmation(request, plan):
    lines = [
        _("%(plan)s publiceras och blir synlig för alla inloggade användare.") % {"plan": plan},
        _(
            "En publicerad version är låst: den kan inte ändras eller tas bort. Senare ändringar "
            "görs i en ny version."
        ),
        _("Planen har %(areas)d områden och %(activities)d aktiviteter.")
        % {"areas": plan.areas.count(), "activities": plan.activities.count()},
    ]
    previous = previous_version(plan)
    if previous is not None:
        lines.append(
            _("Jämfört med version %(version)s finns %(changes)d ändringar.")
            % {"version": previous.version, "changes": len(diff_plans(previous, plan))}
        )
    return confirmation(
        request,
        title=_("Publicera version %(version)s?") % {"version": plan.version},
        lines=lines,
        confirm_label=_("Publicera version %(version)s") % {"version": plan.version},
        cancel_url=reverse("plans:plan_detail", args=[plan.pk]),
        keep=["lock_version"],
    )


@login_required
@require_POST
def plan_publish(request, pk):
    plan = plan_for(request, pk)
    require(can_publish_plan(request.user, plan))
    form = plan_forms.PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Sidan var inaktuell; ladda om och försök igen."))
        return redirect("plans:plan_detail", pk=plan.pk)
    if not confirmed(request):
        return _publish_confirmation(request, plan)
    try:
        publish(plan, request.user, form.cleaned_data["lock_version"])
    except PlanError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Version %(version)s är publicerad.") % {"version": plan.version}
        )
    return redirect("plans:plan_detail", pk=plan.pk)


@login_required
@require_POST
def plan_new_version(request, pk):
    """Start a new draft from a published version: a revision of the same year, or next
    year's plan."""
    plan = plan_for(request, pk)
    require(can_start_version(request.user, plan))
    if not plan.is_published:
        messages.error(request, _("Ett utkast kan inte kopieras; publicera det först."))
        return redirect("plans:plan_detail", pk=plan.pk)
    year = plan.year + 1 if request.POST.get("next_year") else plan.year
    try:
        new = start_new_version(plan, year=year)
    except PlanError as exc:
        messages.error(request, str(exc))
        return redirect("plans:plan_detail", pk=plan.pk)
    messages.success(
        request,
        _("Version %(version)s för %(year)s är skapad som utkast.")
        % {"version": new.version, "year": new.year},
    )
    return redirect("plans:plan_detail", pk=new.pk)


@login_required
@require_POST
def plan_comment(request, pk):
    plan = plan_for(request, pk)
    require(can_comment_plan(request.user, plan))
    form = plan_forms.CommentForm(request.POST)
    if form.is_valid():
        PlanComment.objects.create(plan=plan, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Din kommentar är sparad."))
    else:
        messages.error(request, _("Skriv en kommentar (högst 5 000 tecken)."))
    return redirect(reverse("plans:plan_detail", args=[plan.pk]) + "#kommentarer")


@login_required
def plan_diff(request, pk):
    plan = plan_for(request, pk)
    versions = (
        ActionPlan.objects.visible_to(request.user)
        .select_related("county")
        .of(plan.scope, plan.county)
        .exclude(pk=plan.pk)
        .order_by("-year", "-version")
    )
    other_id = request.GET.get("med", "")
    if is_digits(other_id):
        other = get_object_or_404(
            ActionPlan, pk=int(other_id), scope=plan.scope, county=plan.county
        )
        require(can_view_plan(request.user, other))
    else:
        other = previous_version(plan)
        if other is not None and not can_view_plan(request.user, other):
            other = None
    if other is not None and (other.year, other.version) > (plan.year, plan.version):
        old, new = plan, other
    else:
        old, new = other, plan
    changes = diff_plans(old, new) if old is not None else None
    return render(
        request,
        "plans/plan_diff.html",
        {"plan": plan, "old": old, "new": new, "changes": changes, "versions": versions},
    )


def _export_name(plan, ext):
    who = plan.county.code if plan.county_id else "nationell"
    return f"handlingsplan-{who}-{plan.year}-v{plan.version}.{ext}"


@login_required
def plan_export(request, pk, fmt):
    plan = plan_for(request, pk)
    if fmt == "yaml":
        response = HttpResponse(export_yaml(plan), content_type="application/yaml; charset=utf-8")
    elif fmt == "docx":
        response = HttpResponse(
            build_docx(plan),
            content_type=(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            ),
        )
    elif fmt == "pdf":
        response = HttpResponse(build_pdf(plan), content_type="application/pdf")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{_export_name(plan, fmt)}"'
    return response


@login_required
def attachment_download(request, pk, attachment_id):
    plan = plan_for(request, pk)
    attachment = get_object_or_404(NeedsAttachment, pk=attachment_id, section__plan=plan)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=attachment.file.name.split("/")[-1])
