"""The status report and a county's fact sheet as Word, PDF or Excel, served as stored files
(`stored_documents`): a published year's national documents are the ones rendered when the
version was published; any other document is rendered once by a background job (the download
leads to its page) and served from then on, a draft's until the data changes. The stored file
is answered with `FileResponse` over the open file, so the WSGI server sends it itself
(gunicorn: `wsgi.file_wrapper`, sendfile) without copying it through Python; the document's key
is its ETag (a conditional request gets 304)."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import get_conditional_response, patch_cache_control

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
    etag = f'"{src.key()}"'
    if not_modified := get_conditional_response(request, etag=etag):
        return _cache_headers(not_modified, src, etag)
    document = stored_documents.opened(src)
    if document is None and not request.user.is_authenticated:
        _make_published(src)  # visitors read published versions only: made once
        document = stored_documents.opened(src)
    if document is None:
        job = start_document(request.user, agreement, code, fmt, draft, request.get_full_path())
        return redirect("jobs:job", pk=job.pk)
    response = FileResponse(
        document,
        as_attachment=True,
        filename=document_name(agreement.year, code, fmt),
        content_type=CONTENT_TYPES[fmt],
    )
    return _cache_headers(response, src, etag)


def _cache_headers(response, src, etag):
    """A published version's document is the same until the next publication: an hour in a
    cache (only visitors': answers to logged-in users are `private, no-store`,
    `PrivateNoStoreMiddleware`); a draft's is revalidated every time."""
    response["ETag"] = etag
    if src.version is not None:
        patch_cache_control(response, public=True, max_age=3600)
    else:
        patch_cache_control(response, private=True, no_cache=True)
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
