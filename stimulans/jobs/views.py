"""A job's page (title, progress bar, result or error) and the progress partial it polls."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from .models import Job
from .permissions import can_view_job
from .runner import current


def _job(request, pk):
    job = get_object_or_404(Job, pk=pk)
    if not can_view_job(request.user, job):
        raise PermissionDenied
    return current(job)


@login_required
def job_page(request, pk):
    return render(request, "jobs/job.html", {"job": _job(request, pk)})


@login_required
def job_progress(request, pk):
    return render(request, "jobs/_progress.html", {"job": _job(request, pk)})
