"""The status report and a county's fact sheet as Word, PDF or Excel."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from stimulans.funds.models import Agreement
from stimulans.organisations.models import County

from ..documents import document_name, status_report
from .access import scope_or_refuse

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _download(agreement, county, fmt, scope):
    if fmt not in CONTENT_TYPES:
        raise Http404
    code = county.code if county else None
    content = status_report(agreement, fmt, county=code, visible=scope.counties)
    name = document_name(agreement.year, code, fmt)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def download_report(request, year, fmt):
    agreement = get_object_or_404(Agreement, year=year)
    scope, refused = scope_or_refuse(request, agreement)
    return refused or _download(agreement, None, fmt, scope)


def download_county(request, year, county, fmt):
    agreement = get_object_or_404(Agreement, year=year)
    county_obj = get_object_or_404(County, code=county)
    scope, refused = scope_or_refuse(request, agreement, county_obj.code)
    return refused or _download(agreement, county_obj, fmt, scope)
