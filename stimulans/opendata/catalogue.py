"""Open data from the published status reports: the tables of every published year as CSV and
JSON, the indicators by region and year as JSON-stat 2.0, and the DCAT-AP-SE catalogue
(RDF, what Sweden's data portal harvests) listing them.

Everything is read from the latest published version of a year (`snapshot.published_version`,
`snapshot.version_section`): an unpublished year is never listed or served, and reports
submitted after publication do not change the files. No HTTP here: the views pass the site's
base address."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from stimulans.analysis import snapshot
from stimulans.analysis.aggregation import CATEGORY_FIELDS
from stimulans.analysis.models import StatusReportSection, StatusReportVersion
from stimulans.analysis.money import FIELDS as MONEY_FIELDS
from stimulans.funds.models import Agreement
from stimulans.lib.cells import csv_bytes
from stimulans.organisations.models import County

from .models import OpenDataSettings

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
THEME_HEAL = URIRef(EU + "data-theme/HEAL")
THEMES = URIRef(EU + "data-theme")
SWEDISH = URIRef(EU + "language/SWE")
ENGLISH = URIRef(EU + "language/ENG")
SWEDEN = URIRef(EU + "country/SWE")
NATIONAL_AUTHORITY = URIRef("http://purl.org/adms/publishertype/NationalAuthority")
JSONSTAT_SPEC = URIRef("https://json-stat.org/format/")

NATIONAL = "national"  # the indicators' scope of the whole country
NATIONAL_REGION = "00"  # SCB's code for the whole country (Riket), the JSON-stat region id


@dataclass(frozen=True)
class Table:
    """A table of a published year: titles and descriptions in Swedish and English, and the
    function `(version) -> (header, rows)` reading it from the published sections."""

    title: dict[str, str]
    description: dict[str, str]
    read: Callable[[StatusReportVersion], tuple[list[str], list[list[Any]]]]


def _indicator_rows(version):
    header = ["year", "indicator", "region", "numerator", "denominator", "value"]
    year = version.agreement.year
    rows = [
        [year, r["indicator"], _region(r["scope"]), r["numerator"], r["denominator"], r["value"]]
        for r in snapshot.version_section(version, "indicators") or []
    ]
    return header, rows


def _category_rows(version):
    fields = [f for f in CATEGORY_FIELDS if f != "link_quality"]
    header = ["year", "part", "org_kind", "reporting_actors", "category", *fields]
    rows = []
    for part, result in (snapshot.version_section(version, "analyse") or {}).items():
        for pot in result["pots"]:
            for c in pot["categories"]:
                rows.append(
                    [
                        result["year"],
                        part,
                        pot["org_kind"],
                        pot["reporting_actors"],
                        c["category"],
                        *(c[f] for f in fields),
                    ]
                )
    return header, rows


def _funds_rows(version):
    """A row per pot for the whole country (county blank), then per county."""
    header = ["year", "part", "org_kind", "county", *MONEY_FIELDS]
    year = version.agreement.year
    rows = []
    for pot in snapshot.version_section(version, "funds") or []:
        rows.append([year, pot["part"], pot["org_kind"], "", *(pot[f] for f in MONEY_FIELDS)])
        for c in pot["counties"]:
            rows.append(
                [year, pot["part"], pot["org_kind"], c["county"], *(c[f] for f in MONEY_FIELDS)]
            )
    return header, rows


def _support_need_rows(version):
    """A row per theme and part with needs (part blank: raised for no part), then the needs
    not yet coded to a theme (theme blank). Counts only: no organisation, county or text."""
    header = ["year", "theme", "theme_name", "prioritised", "part", "needs"]
    needs = snapshot.version_section(version, "support_needs")
    if not needs:
        return header, []
    year = needs["year"]
    rows = []
    for r in needs["rows"]:
        cells = [*r["by_part"].items(), ("", r["no_part"])]
        for part, count in cells:
            if count:
                rows.append([year, r["theme"], r["name"], r["prioritised"], part, count])
    if needs["uncoded"]:
        rows.append([year, "", "", "", "", needs["uncoded"]])
    return header, rows


TABLES: dict[str, Table] = {
    "indikatorer": Table(
        {"sv": "Nyckelindikatorer", "en": "Key indicators"},
        {
            "sv": "Nyckelindikatorerna för riket (region 00) och per län: täljare, nämnare och "
            "värde, summerat över de organisationer som redovisat båda.",
            "en": "The key indicators for the country (region 00) and per county: numerator, "
            "denominator and value, summed over the organisations that reported both.",
        },
        _indicator_rows,
    ),
    "kategorier": Table(
        {"sv": "Insatser per kategori", "en": "Initiatives per category"},
        {
            "sv": "Per del, mottagartyp och kategori: antal aktörer med aktiviteter, resultat "
            "och effekter, antal insatser och medel (kronor).",
            "en": "Per part, recipient kind and category: actors with activities, outputs and "
            "effects, number of initiatives and funds (kronor).",
        },
        _category_rows,
    ),
    "medel": Table(
        {"sv": "Stimulansmedel", "en": "Stimulus funds"},
        {
            "sv": "Per del och mottagartyp, för riket (tomt län) och per län: fördelade, "
            "rekvirerade, mottagna, överförda och använda medel i kronor och antal redovisningar.",
            "en": "Per part and recipient kind, for the country (blank county) and per county: "
            "allocated, requisitioned, received, carried over and used funds in kronor and the "
            "number of reports.",
        },
        _funds_rows,
    ),
    "stodbehov": Table(
        {"sv": "Stödbehov per tema", "en": "Support needs per theme"},
        {
            "sv": "Antal stödbehov per tema och del i riket, från dialoger, workshoppar och "
            "redovisningarnas stödfråga (tom del: ingen del angiven; tomt tema: ännu inte "
            "kodade till tema).",
            "en": "The number of support needs per theme and part for the whole country, from "
            "dialogues, workshops and the reports' support question (blank part: no part "
            "given; blank theme: not yet coded to a theme).",
        },
        _support_need_rows,
    ),
}


def _region(scope):
    """The indicators' scope ("national", "region:01") as a region code ("00", "01")."""
    return NATIONAL_REGION if scope == NATIONAL else scope.split(":", 1)[1]


def published_years() -> list[tuple[Agreement, StatusReportVersion]]:
    """The published years, oldest first, each with its latest published version."""
    result = []
    for agreement in Agreement.objects.order_by("year"):
        version = snapshot.published_version(agreement)
        if version is not None:
            result.append((agreement, version))
    return result


def published_year(year: int) -> StatusReportVersion | None:
    """The latest published version of the year, None when the year is not published."""
    agreement = Agreement.objects.filter(year=year).first()
    return snapshot.published_version(agreement) if agreement else None


def table_csv(version: StatusReportVersion, name: str) -> bytes:
    header, rows = TABLES[name].read(version)
    return csv_bytes(header, rows)


def table_json(version: StatusReportVersion, name: str) -> list[dict[str, Any]]:
    """The same table as a list of objects keyed by the CSV's header (blank county: null)."""
    header, rows = TABLES[name].read(version)
    return [
        {key: (None if value == "" else value) for key, value in zip(header, row, strict=True)}
        for row in rows
    ]


def _indicator_titles(version):
    """The indicators' titles as published in the version's report, by code."""
    indicators = (
        StatusReportSection.objects.filter(version=version, name="report")
        .values_list("data__indicators", flat=True)
        .first()
    )
    return {item["indicator"]["code"]: item["indicator"]["title"] for item in indicators or []}


def indicators_jsonstat(versions: Iterable[StatusReportVersion]) -> dict[str, Any]:
    """JSON-stat 2.0: a dataset with the dimensions indicator × region × year and the
    published values (null where there is none), row-major in that order."""
    versions = list(versions)
    values: dict[tuple[str, str, str], Any] = {}
    indicator_ids: list[str] = []
    for version in versions:
        year = str(version.agreement.year)
        for row in snapshot.version_section(version, "indicators") or []:
            if row["indicator"] not in indicator_ids:
                indicator_ids.append(row["indicator"])
            values[(row["indicator"], _region(row["scope"]), year)] = row["value"]
    titles = {}
    for version in versions:
        titles.update(_indicator_titles(version))
    counties = dict(County.objects.values_list("code", "name"))
    region_ids = [NATIONAL_REGION, *sorted({r for _i, r, _y in values} - {NATIONAL_REGION})]
    year_ids = [str(v.agreement.year) for v in versions]
    ids = ["indicator", "region", "year"]
    categories = {
        "indicator": (indicator_ids, {i: titles.get(i, i) for i in indicator_ids}),
        "region": (region_ids, {r: counties.get(r, _("Riket")) for r in region_ids}),
        "year": (year_ids, {y: y for y in year_ids}),
    }
    labels = {"indicator": _("Indikator"), "region": _("Region"), "year": _("År")}
    return {
        "version": "2.0",
        "class": "dataset",
        "label": _("Nyckelindikatorer per län och år"),
        "source": _("Stimulansmedel för psykisk hälsa, publicerade lägesrapporter"),
        "updated": max(v.published_at for v in versions).isoformat() if versions else None,
        "id": ids,
        "size": [len(categories[d][0]) for d in ids],
        "role": {"time": ["year"], "geo": ["region"], "metric": ["indicator"]},
        "dimension": {
            d: {
                "label": labels[d],
                "category": {
                    "index": {key: n for n, key in enumerate(categories[d][0])},
                    "label": categories[d][1],
                },
            }
            for d in ids
        },
        "value": [
            values.get((i, r, y)) for i in indicator_ids for r in region_ids for y in year_ids
        ],
    }


@dataclass(frozen=True)
class Format:
    suffix: str
    file_type: str  # the EU file-type vocabulary's code
    media_type: str
    label: str


CSV = Format("csv", "CSV", "text/csv", "CSV")
JSON = Format("json", "JSON", "application/json", "JSON")
JSONSTAT = Format("jsonstat.json", "JSON", "application/json", "JSON-stat 2.0")


def file_path(year: int | None, name: str, fmt: Format) -> str:
    """A file's path under the open-data root (`2020/indikatorer.csv`; all years: no year)."""
    return f"{year}/{name}.{fmt.suffix}" if year is not None else f"{name}.{fmt.suffix}"


def _texts(graph, subject, predicate, texts):
    for lang, text in texts.items():
        graph.add((subject, predicate, Literal(text, lang=lang)))


def _dated(graph, subject, issued, modified):
    graph.add((subject, DCTERMS.issued, Literal(issued.isoformat(), datatype=XSD.dateTime)))
    graph.add((subject, DCTERMS.modified, Literal(modified.isoformat(), datatype=XSD.dateTime)))


def catalogue_graph(base: str, homepage: str) -> Graph:
    """The DCAT-AP-SE catalogue: a dcat:Catalog with a dcat:Dataset per published year and table
    (and the indicators of every published year), each with a dcat:Distribution per format.
    `base` is the open-data root address ending in "/", `homepage` the public analysis page."""
    settings = OpenDataSettings.load()
    licence = URIRef(settings.licence_uri)
    graph = Graph()
    for prefix, ns in (("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)):
        graph.bind(prefix, ns)

    publisher = URIRef(base + "#utgivare")
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(settings.publisher_name, lang="sv")))
    graph.add((publisher, DCTERMS.type, NATIONAL_AUTHORITY))

    contact = URIRef(base + "#kontakt")
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(settings.contact_name)))
    graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{settings.contact_email}")))

    years = published_years()
    catalog = URIRef(base + "katalog")
    graph.add((catalog, RDF.type, DCAT.Catalog))
    _texts(
        graph,
        catalog,
        DCTERMS.title,
        {"sv": "Stimulansmedel för psykisk hälsa", "en": "Stimulus funds for mental health"},
    )
    _texts(
        graph,
        catalog,
        DCTERMS.description,
        {
            "sv": "Öppna data ur de publicerade lägesrapporterna om statens stimulansmedel "
            "inom området psykisk hälsa: indikatorer, insatser per kategori och medel.",
            "en": "Open data from the published status reports on the state's stimulus funds "
            "for mental health: indicators, initiatives per category and funds.",
        },
    )
    graph.add((catalog, DCTERMS.publisher, publisher))
    graph.add((catalog, DCTERMS.license, licence))
    graph.add((catalog, DCTERMS.language, SWEDISH))
    graph.add((catalog, DCAT.themeTaxonomy, THEMES))
    graph.add((catalog, FOAF.homepage, URIRef(homepage)))
    if years:
        first = min(v.published_at for _a, v in years)
        _dated(graph, catalog, first, max(v.published_at for _a, v in years))

    def dataset(uri, title, description, issued, modified, files, year=None):
        node = URIRef(uri)
        graph.add((catalog, DCAT.dataset, node))
        graph.add((node, RDF.type, DCAT.Dataset))
        _texts(graph, node, DCTERMS.title, title)
        _texts(graph, node, DCTERMS.description, description)
        graph.add((node, DCTERMS.identifier, Literal(uri)))
        graph.add((node, DCTERMS.publisher, publisher))
        graph.add((node, DCAT.contactPoint, contact))
        graph.add((node, DCAT.theme, THEME_HEAL))
        graph.add((node, DCTERMS.language, SWEDISH))
        graph.add((node, DCTERMS.spatial, SWEDEN))
        graph.add((node, DCAT.landingPage, URIRef(homepage)))
        for word in ("psykisk hälsa", "stimulansmedel", "lägesrapport"):
            graph.add((node, DCAT.keyword, Literal(word, lang="sv")))
        if year is not None:
            period = BNode()
            graph.add((node, DCTERMS.temporal, period))
            graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
            graph.add((period, DCAT.startDate, Literal(f"{year}-01-01", datatype=XSD.date)))
            graph.add((period, DCAT.endDate, Literal(f"{year}-12-31", datatype=XSD.date)))
        _dated(graph, node, issued, modified)
        for path, fmt in files:
            url = URIRef(base + path)
            dist = URIRef(base + path + "#distribution")
            graph.add((node, DCAT.distribution, dist))
            graph.add((dist, RDF.type, DCAT.Distribution))
            graph.add((dist, DCTERMS.title, Literal(f"{title['sv']} ({fmt.label})", lang="sv")))
            graph.add((dist, DCTERMS.title, Literal(f"{title['en']} ({fmt.label})", lang="en")))
            graph.add((dist, DCAT.accessURL, url))
            graph.add((dist, DCAT.downloadURL, url))
            graph.add((dist, DCTERMS.format, URIRef(EU + "file-type/" + fmt.file_type)))
            graph.add(
                (
                    dist,
                    DCAT.mediaType,
                    URIRef("http://www.iana.org/assignments/media-types/" + fmt.media_type),
                )
            )
            graph.add((dist, DCTERMS.license, licence))
            if fmt is JSONSTAT:
                graph.add((dist, DCTERMS.conformsTo, JSONSTAT_SPEC))
            _dated(graph, dist, issued, modified)
        return node

    for agreement, version in years:
        issued = snapshot.versions(agreement).last().published_at  # the first version
        for name, table in TABLES.items():
            formats = [CSV, JSON] + ([JSONSTAT] if name == "indikatorer" else [])
            dataset(
                f"{base}{agreement.year}/{name}",
                {lang: f"{text} {agreement.year}" for lang, text in table.title.items()},
                table.description,
                issued,
                version.published_at,
                [(file_path(agreement.year, name, fmt), fmt) for fmt in formats],
                year=agreement.year,
            )
    if years:
        dataset(
            f"{base}indikatorer",
            {"sv": "Nyckelindikatorer per län och år", "en": "Key indicators by county and year"},
            TABLES["indikatorer"].description,
            min(v.published_at for _a, v in years),
            max(v.published_at for _a, v in years),
            [(file_path(None, "indikatorer", JSONSTAT), JSONSTAT)],
        )
    return graph
