"""Starting and running background jobs. A view calls `start(task, ...)`, which records a `Job`
and enqueues the app's task (a django-tasks `@task` taking the job's id); the task calls
`run(job_id, work)`. `work(job, progress)` runs in one transaction: if it raises, nothing it
wrote is kept and the job records the error (a `JobFailed`'s own Swedish message, or a general
one). Progress goes to the shared `progress` cache, not the database, since the transaction
hides its writes from the polling page until it ends. Work that reads for long and writes once
at the end (a document) passes `atomic=False` and makes that write one transaction itself: on
SQLite every transaction takes the write lock at its start (settings), and holding it while
rendering would keep every other writer waiting."""

import logging
from contextlib import nullcontext
from dataclasses import dataclass

from django.core.cache import caches
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Job, JobStatus

logger = logging.getLogger(__name__)

PROGRESS_SECONDS = 24 * 3600


class JobFailed(Exception):
    """A job's expected failure; the message (Swedish) is shown to the user as it is."""


@dataclass
class Outcome:
    message: str
    result_url: str = ""
    result_label: str = ""


def start(task, kind, title, user, input_file=None, **params):
    """Record a job and enqueue `task` (run with the job's id as its one argument).
    `input_file` (a Django File) is stored with the job for the task to read."""
    job = Job(kind=kind, title=title, started_by=user, params=params)
    if input_file is not None:
        job.input_file.save(input_file.name, input_file, save=False)
    job.save()
    task.enqueue(str(job.pk))
    return job


def _cache():
    return caches["progress"]


def _key(job_id):
    return f"job-progress:{job_id}"


class Progress:
    """Callable `progress(done, total, step="")`: how far the job is, seen by its page."""

    def __init__(self, job):
        self.job = job

    def __call__(self, done, total, step=""):
        self.job.done, self.job.total, self.job.step = done, total, str(step)
        _cache().set(_key(self.job.pk), (done, total, str(step)), PROGRESS_SECONDS)


def current(job):
    """The job with its live progress (from the cache while it runs)."""
    if job.status == JobStatus.RUNNING:
        live = _cache().get(_key(job.pk))
        if live:
            job.done, job.total, job.step = live
    return job


def run(job_id, work, atomic=True):
    job = Job.objects.get(pk=job_id)
    job.status = JobStatus.RUNNING
    job.save(update_fields=["status"])
    try:
        with transaction.atomic() if atomic else nullcontext():
            outcome = work(job, Progress(job))
    except JobFailed as exc:
        _end(job, JobStatus.FAILED, error=str(exc))
    except Exception:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _end(job, JobStatus.FAILED, error=_("Ett oväntat fel inträffade. Inget har ändrats."))
    else:
        _end(
            job,
            JobStatus.DONE,
            message=outcome.message,
            result_url=outcome.result_url,
            result_label=outcome.result_label,
        )
    return str(job.status)


def _end(job, status, **fields):
    job.status = status
    job.finished_at = timezone.now()
    if status == JobStatus.DONE:
        job.done = job.total = max(job.total, 1)
    for name, value in fields.items():
        setattr(job, name, value)
    if job.input_file:
        job.input_file.delete(save=False)
    job.save()
    _cache().delete(_key(job.pk))
