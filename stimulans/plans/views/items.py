"""Adding, editing and removing the items inside a plan (sections, areas, goals, activities,
funds, decisions, participation, steering group members)."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy

from stimulans.accounts.permissions import require
from stimulans.lib.text import is_digits

from .. import forms as plan_forms
from ..models import (
    Activity,
    ActivityFund,
    Area,
    Decision,
    Goal,
    NeedsAttachment,
    NeedsSection,
    Participation,
    SteeringMember,
)
from ..permissions import (
    can_edit_plan,
)
from ..services import (
    ConcurrentEdit,
    PlanError,
    plan_change,
)
from .common import plan_for

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass
class ItemKind:
    model: type
    form: type
    label: "StrOrPromise"  # a lazily translated label
    saved: "StrOrPromise"  # the message after a save, in the noun's own gender and number
    deleted: "StrOrPromise"
    plan_lookup: str = "plan"


ITEM_KINDS = {
    "nulage": ItemKind(
        NeedsSection,
        plan_forms.SectionForm,
        gettext_lazy("Nulägesanalys"),
        gettext_lazy("Avsnittet är sparat."),
        gettext_lazy("Avsnittet är borttaget."),
    ),
    "bilaga": ItemKind(
        NeedsAttachment,
        plan_forms.AttachmentForm,
        gettext_lazy("Bilaga"),
        gettext_lazy("Bilagan är sparad."),
        gettext_lazy("Bilagan är borttagen."),
        "section__plan",
    ),
    "omrade": ItemKind(
        Area,
        plan_forms.AreaForm,
        gettext_lazy("Område"),
        gettext_lazy("Området är sparat."),
        gettext_lazy("Området är borttaget."),
    ),
    "mal": ItemKind(
        Goal,
        plan_forms.GoalForm,
        gettext_lazy("Mål"),
        gettext_lazy("Målet är sparat."),
        gettext_lazy("Målet är borttaget."),
    ),
    "aktivitet": ItemKind(
        Activity,
        plan_forms.ActivityForm,
        gettext_lazy("Aktivitet"),
        gettext_lazy("Aktiviteten är sparad."),
        gettext_lazy("Aktiviteten är borttagen."),
    ),
    "medel": ItemKind(
        ActivityFund,
        plan_forms.FundForm,
        gettext_lazy("Medel för aktivitet"),
        gettext_lazy("Medlen är sparade."),
        gettext_lazy("Medlen är borttagna."),
        "activity__plan",
    ),
    "beslut": ItemKind(
        Decision,
        plan_forms.DecisionForm,
        gettext_lazy("Styrgruppens beslut"),
        gettext_lazy("Beslutet är sparat."),
        gettext_lazy("Beslutet är borttaget."),
    ),
    "medverkan": ItemKind(
        Participation,
        plan_forms.ParticipationForm,
        gettext_lazy("Brukar-, patient- och anhörigorganisationers medverkan"),
        gettext_lazy("Medverkan är sparad."),
        gettext_lazy("Medverkan är borttagen."),
    ),
    "styrgrupp": ItemKind(
        SteeringMember,
        plan_forms.SteeringMemberForm,
        gettext_lazy("Ledamot i styrgruppen"),
        gettext_lazy("Ledamoten är sparad."),
        gettext_lazy("Ledamoten är borttagen."),
    ),
}


# Where each kind of item is shown on the plan page (ids in _plan_column.html).
ANCHORS = {
    "nulage": "nulage",
    "bilaga": "nulage",
    "omrade": "omrade",
    "mal": "omrade",
    "aktivitet": "omrade",
    "medel": "omrade",
    "beslut": "beslut",
    "medverkan": "medverkan",
    "styrgrupp": "organisation",
}


CASCADE_NOTES = {
    "omrade": gettext_lazy("Områdets underområden, mål och aktiviteter tas också bort."),
    "nulage": gettext_lazy("Avsnittets bilagor tas också bort."),
    "aktivitet": gettext_lazy("Aktivitetens kopplingar till medel tas också bort."),
}


def _item_for(plan, kind, item_id):
    spec = ITEM_KINDS.get(kind)
    if spec is None:
        raise Http404
    item = None
    if item_id is not None:
        item = get_object_or_404(spec.model, pk=item_id, **{spec.plan_lookup: plan})
    return spec, item


@login_required
def item_edit(request, pk, kind, item_id=None):
    """Create or edit one thing in a draft: a needs-analysis section, an attachment, an area,
    a goal, an activity, its funds, a decision, participation, a steering group member."""
    plan = plan_for(request, pk)
    require(can_edit_plan(request.user, plan))
    spec, item = _item_for(plan, kind, item_id)
    status = 200
    initial = {}
    if item is None and spec.plan_lookup == "plan":
        item = spec.model(plan=plan)
    if item is None or item.pk is None:
        for key in ("area", "activity", "section"):
            if is_digits(request.GET.get(key, "")):
                initial[key] = int(request.GET[key])
    if request.method == "POST":
        form = spec.form(request.POST, request.FILES, instance=item, plan=plan)
        if form.is_valid():
            try:
                with plan_change(plan, form.cleaned_data["lock_version"]):
                    obj = form.save(commit=False)
                    if spec.plan_lookup == "plan":
                        obj.plan = plan
                    obj.save()
                    form.save_m2m()
            except PlanError as exc:
                form.add_error(None, str(exc))
                status = 409 if isinstance(exc, ConcurrentEdit) else 400
            else:
                messages.success(request, str(spec.saved))
                anchor = ANCHORS.get(kind, "")
                return redirect(reverse("plans:plan_detail", args=[plan.pk]) + f"#{anchor}")
        else:
            status = 400
    else:
        form = spec.form(instance=item, plan=plan, initial=initial)
    return render(
        request,
        "plans/item_form.html",
        {
            "plan": plan,
            "form": form,
            "heading": spec.label,
            "item": item if item is not None and item.pk else None,
            "kind": kind,
            "multipart": kind == "bilaga",
        },
        status=status,
    )


@login_required
def item_delete(request, pk, kind, item_id):
    plan = plan_for(request, pk)
    require(can_edit_plan(request.user, plan))
    spec, item = _item_for(plan, kind, item_id)
    status = 200
    form = plan_forms.PublishForm(initial={"lock_version": plan.lock_version})
    if request.method == "POST":
        form = plan_forms.PublishForm(request.POST)
        if form.is_valid():
            try:
                with plan_change(plan, form.cleaned_data["lock_version"]):
                    item.delete()
            except PlanError as exc:
                messages.error(request, str(exc))
                status = 409
            else:
                messages.success(request, str(spec.deleted))
                return redirect("plans:plan_detail", pk=plan.pk)
        else:
            status = 400
    return render(
        request,
        "plans/item_delete.html",
        {
            "plan": plan,
            "item": item,
            "label": spec.label,
            "form": form,
            "cascade": CASCADE_NOTES.get(kind, ""),
        },
        status=status,
    )
