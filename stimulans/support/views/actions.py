from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from stimulans.accounts.decorators import role_required

from ..forms import ActionForm
from ..models import SupportAction
from .common import NATIONAL


@role_required(*NATIONAL)
def action_list(request):
    actions = SupportAction.objects.prefetch_related("needs", "participations__county")
    return render(request, "support/action_list.html", {"actions": actions})


@role_required(*NATIONAL)
def action_detail(request, pk):
    action = get_object_or_404(SupportAction, pk=pk)
    return render(
        request,
        "support/action_detail.html",
        {
            "action": action,
            "needs": action.needs.select_related("county", "theme", "part"),
            "participations": action.participations.select_related("county"),
            "total": sum(p.participants for p in action.participations.all()),
        },
    )


@role_required(*NATIONAL)
def action_edit(request, pk=None):
    action = get_object_or_404(SupportAction, pk=pk) if pk is not None else None
    form = ActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save()
        return redirect("support:action_detail", saved.pk)
    return render(request, "support/action_form.html", {"form": form, "action": action})
