"""The status report and a county's fact sheet as Word, PDF or Excel, served as stored files
(`stored_documents`): a published year's national documents are the ones rendered when the
version was published; any other document is rendered once by a background job (the download
leads to its page) and served from then on, a draft's until the data changes."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from stimulans.funds.models import Agreement
from stimulans.organisations.models import County

from .. import stored_documents
from ..documents import document_name
from ..lookups import AnalysisError
from ..snapshot import FORMATS
from ..tasks import start_document
from .access import scope_or_refuse, shows_draft

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _download(request, agreement, county, fmt):
    if fmt not in FORMATS:
        raise Http404
    code, draft = (county.code if county else None), shows_draft(request)
    src = stored_documents.source(request.user, agreement, code, fmt, draft)
    if not stored_documents.holds(src):
        raise Http404
    content = stored_documents.stored(src)
    if content is None and not request.user.is_authenticated:
        content = _make_published(src)  # visitors read published versions only: made once
    if content is None:
        job = start_document(request.user, agreement, code, fmt, draft, request.get_full_path())
        return redirect("jobs:job", pk=job.pk)
    name = document_name(agreement.year, code, fmt)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _make_published(src):
    try:
        return stored_documents.make(src)
    except AnalysisError as exc:
        raise Http404 from exc


def download_report(request, year, fmt):
    agreement = get_object_or_404(Agreement, year=year)
    _scope, refused = scope_or_refuse(request, agreement)
    return refused or _download(request, agreement, None, fmt)


def download_county(request, year, county, fmt):
    agreement = get_object_or_404(Agreement, year=year)
    county_obj = get_object_or_404(County, code=county)
    _scope, refused = scope_or_refuse(request, agreement, county_obj.code)
    return refused or _download(request, agreement, county_obj, fmt)
