"""The analysis' background tasks (run by `stimulans worker`): rendering a document."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from stimulans.accounts.models import User
from stimulans.funds.models import Agreement
from stimulans.jobs.models import JobKind
from stimulans.jobs.runner import JobFailed, Outcome, run, start

from . import stored_documents
from .documents import document_name
from .lookups import AnalysisError
from .snapshot import FORMATS


def start_document(user, agreement, county, fmt, draft, url, public=False):
    """Start rendering a document for `user` (`public`: the document a visitor downloads, started
    by `user`); `url` is its download address (the result)."""
    title = _("Dokument: %(name)s") % {"name": document_name(agreement.year, county, fmt)}
    return start(
        render_document_task,
        JobKind.DOCUMENT,
        title,
        user,
        year=agreement.year,
        county=county,
        fmt=fmt,
        draft=draft,
        url=url,
        public=public,
    )


def start_published_report(user, agreement):
    """After a publication: render the national status report, as visitors download it, in
    every format, so that no visitor's download renders it in the request."""
    return [
        start_document(
            user,
            agreement,
            None,
            fmt,
            False,
            reverse("analysis:download_report", args=[agreement.year, fmt]),
            public=True,
        )
        for fmt in FORMATS
    ]


@task()
def render_document_task(job_id):
    return run(job_id, _render, atomic=False)  # one write at the end, in `make`


def _render(job, progress):
    p = job.params
    agreement = Agreement.objects.get(year=p["year"])
    progress(1, 3, _("Sammanställer siffrorna"))
    if p.get("public"):
        src = stored_documents.public_source(agreement, p["fmt"])
    else:
        user = User.objects.get(pk=job.started_by_id)
        src = stored_documents.source(user, agreement, p["county"], p["fmt"], p["draft"])
    progress(2, 3, _("Skapar dokumentet"))
    try:
        content = stored_documents.make(src)
    except AnalysisError as exc:
        raise JobFailed(str(exc)) from exc
    name = document_name(agreement.year, p["county"], p["fmt"])
    return Outcome(
        message=_("Dokumentet är klart (%(size)s kB).")
        % {"size": max(1, round(len(content) / 1024))},
        result_url=p["url"],
        result_label=_("Ladda ned %(name)s") % {"name": name},
    )
