from django.shortcuts import get_object_or_404, redirect, render

from stimulans.accounts.decorators import role_required
from stimulans.support.permissions import NATIONAL

from ..forms import ActivityForm
from ..models import Duty, WorkPlanActivity
from ..timeline import timeline


@role_required(*NATIONAL)
def work_plan(request):
    """The agencies' plan for following, supporting and evaluating, per duty on a timeline."""
    activities = list(WorkPlanActivity.objects.all())
    duties = [
        (label, timeline([a for a in activities if a.duty == value]))
        for value, label in Duty.choices
    ]
    return render(
        request,
        "evaluation/work_plan.html",
        {"duties": duties, "overall": timeline(activities)},
    )


@role_required(*NATIONAL)
def activity_edit(request, pk=None):
    activity = get_object_or_404(WorkPlanActivity, pk=pk) if pk is not None else None
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("evaluation:work_plan")
    return render(request, "evaluation/activity_form.html", {"form": form, "activity": activity})
