"""The status report and a county's fact sheet as Word, PDF or Excel. A published year's
national documents are the ones rendered when the version was published; its fact sheets are
rendered from the version's data."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from stimulans.funds.models import Agreement
from stimulans.organisations.models import County

from ..documents import document_name
from ..snapshot import FORMATS, render_document
from .access import scope_or_refuse, shown_version, year_data

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _download(request, agreement, county, fmt, scope):
    if fmt not in FORMATS:
        raise Http404
    version = shown_version(request, agreement)
    if version is not None and county is None:
        content = bytes(getattr(version, fmt))
    else:
        code = county.code if county else None
        data = year_data(request, agreement, code, scope)
        content = render_document(data, fmt, version)
    name = document_name(agreement.year, county.code if county else None, fmt)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def download_report(request, year, fmt):
    agreement = get_object_or_404(Agreement, year=year)
    scope, refused = scope_or_refuse(request, agreement)
    return refused or _download(request, agreement, None, fmt, scope)


def download_county(request, year, county, fmt):
    agreement = get_object_or_404(Agreement, year=year)
    county_obj = get_object_or_404(County, code=county)
    scope, refused = scope_or_refuse(request, agreement, county_obj.code)
    return refused or _download(request, agreement, county_obj, fmt, scope)
