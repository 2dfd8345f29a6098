"""The public open-data pages and files: the catalogue (Turtle, RDF/XML), each published year's
tables (CSV, JSON) and the indicators as JSON-stat. Public, read from the published snapshot;
an unpublished year is 404."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from . import catalogue
from .models import OpenDataSettings

RDF_FORMATS = {"ttl": ("turtle", "text/turtle"), "rdf": ("xml", "application/rdf+xml")}


def _base(request):
    return request.build_absolute_uri(reverse("opendata:index"))


def index(request):
    """The open-data page: the catalogue and every published year's files."""
    years = [
        {
            "year": agreement.year,
            "version": version,
            "tables": [
                {"name": name, "title": table.title["sv"], "jsonstat": name == "indikatorer"}
                for name, table in catalogue.TABLES.items()
            ],
        }
        for agreement, version in catalogue.published_years()
    ]
    return render(
        request, "opendata/index.html", {"years": years, "settings": OpenDataSettings.load()}
    )


def catalogue_file(request, fmt):
    if fmt not in RDF_FORMATS:
        raise Http404
    rdf_format, content_type = RDF_FORMATS[fmt]
    graph = catalogue.catalogue_graph(
        _base(request), request.build_absolute_uri(reverse("analysis:index"))
    )
    return HttpResponse(graph.serialize(format=rdf_format), content_type=content_type)


def _version(year):
    version = catalogue.published_year(year)
    if version is None:
        raise Http404
    return version


def table_file(request, year, name, fmt):
    if name not in catalogue.TABLES or fmt not in ("csv", "json"):
        raise Http404
    version = _version(year)
    if fmt == "json":
        return JsonResponse(catalogue.table_json(version, name), safe=False)
    response = HttpResponse(catalogue.table_csv(version, name), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{name}-{year}.csv"'
    return response


def year_jsonstat(request, year):
    return JsonResponse(catalogue.indicators_jsonstat([_version(year)]))


def jsonstat(request):
    versions = [version for _agreement, version in catalogue.published_years()]
    if not versions:
        raise Http404
    return JsonResponse(catalogue.indicators_jsonstat(versions))
