"""The status report and a county's fact sheet as Word, PDF or Excel."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from stimulans.funds.models import Agreement
from stimulans.organisations.models import County

from ..documents import excel, pdf, word
from ..year_analysis import analyse_year
from .access import scope_or_refuse

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _download(agreement, county, fmt, scope):
    if fmt not in CONTENT_TYPES:
        raise Http404
    limit = None if fmt == "xlsx" else 10  # every effect in Excel, a sample in the documents
    data = analyse_year(
        agreement,
        county=county.code if county else None,
        effects_limit=limit,
        visible=scope.counties,
    )
    content = {"docx": word, "pdf": pdf, "xlsx": excel}[fmt].render(data)
    name = f"lagesrapport-{agreement.year}" + (f"-lan-{county.code}" if county else "")
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
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
