"""The funds' background task (run by `stimulans worker`): recomputing an agreement's
allocations."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from stimulans.jobs.models import JobKind
from stimulans.jobs.runner import JobFailed, Outcome, run, start

from .models import Agreement
from .services import AllocationProblem, allocate_agreement


def start_allocation(user, agreement):
    title = _("Fördelningar för överenskommelsen %(year)s") % {"year": agreement.year}
    return start(allocation_task, JobKind.ALLOCATION, title, user, year=agreement.year)


@task()
def allocation_task(job_id):
    return run(job_id, _allocate)


def _allocate(job, progress):
    agreement = Agreement.objects.get(year=job.params["year"])
    try:
        count = allocate_agreement(agreement, progress=progress)
    except AllocationProblem as exc:
        raise JobFailed("\n".join(exc.errors)) from exc
    return Outcome(
        message=_("%(count)d fördelningar är beräknade.") % {"count": count},
        result_url=reverse("funds:agreement_detail", args=[agreement.year]),
        result_label=_("Till överenskommelsen"),
    )
