"""Publication as a frozen version: publishing computes every figure, table and text of the year
once and stores it (a `StatusReportVersion` with a `StatusReportSection` row per section, and the
national documents rendered from it);
the public pages, `/analys/api/`, the downloads and `--published` on the CLI read that snapshot,
so later submissions and recodings do not change what is published.

The snapshot's content is the registry `SECTIONS`: a name and a function `(agreement) -> JSON`.
Adding a section is one line here; `published_section(year, name)` reads it back. No HTTP here."""

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from stimulans.organisations.models import County

from .aggregation import aggregate_json, aggregate_parts
from .answers import answers_json
from .documents import excel, pdf, word
from .flowcharts import flowcharts, flowcharts_json, grouped_effects_tables
from .indicators import compute_indicators
from .lookups import AnalysisError, get_agreement
from .models import StatusReport, StatusReportSection, StatusReportVersion
from .money import funds_json
from .support_needs import support_needs_section
from .texts import report_texts
from .year_analysis import analyse_year, limit_effects

FORMATS = ("docx", "pdf", "xlsx")
RENDERERS = {"docx": word, "pdf": pdf, "xlsx": excel}
DOCUMENT_EFFECTS = 10  # effects listed per category in Word and PDF (Excel lists every one)


def analyse_section(agreement):
    """What `stimulans analyse` prints, per part slug."""
    parts = list(agreement.parts.all())
    aggregates = aggregate_parts(parts)
    return {part.slug: aggregate_json(aggregates[part.pk]) for part in parts}


def indicators_section(agreement):
    """What `stimulans indicators` prints."""
    return compute_indicators(agreement.year)


def report_section(agreement):
    """What the public pages, documents and `/analys/api/` read: the year's whole analysis
    (`analyse_year`) for the whole country."""
    return analyse_year(agreement)


def answers_section(agreement):
    """What `stimulans analyse-answers` prints, per part slug."""
    return {part.slug: answers_json(part) for part in agreement.parts.all()}


def funds_section(agreement):
    """What `stimulans funds` prints."""
    return funds_json(agreement)


def part_county_key(slug, county=None):
    """The key of a part's (and county's) data in a section split by part and county."""
    return slug if county is None else f"{slug}/{county}"


def _part_flowcharts(agreement):
    """{key: (part, county, flowcharts)} for every part, of the whole country and of each
    county; computed once per publication for the two sections that read it (kept on the
    agreement object that `build` passes to every section)."""
    cached = getattr(agreement, "_snapshot_flowcharts", None)
    if cached is None:
        counties = [None, *County.objects.values_list("code", flat=True)]
        cached = {
            part_county_key(part.slug, county): (part, county, flowcharts(part, county))
            for part in agreement.parts.all()
            for county in counties
        }
        agreement._snapshot_flowcharts = cached
    return cached


def grouped_effects_section(agreement):
    """The part pages' grouped effects tables, per part (`part_county_key`): of the whole
    country and of each county (`?lan=`)."""
    aggregates = aggregate_parts(list(agreement.parts.all()))
    return {
        key: grouped_effects_tables(aggregates[part.pk], part, county, data)
        for key, (part, county, data) in _part_flowcharts(agreement).items()
    }


def flowcharts_section(agreement):
    """The flowcharts of each part and category (`flowcharts_json`), per part
    (`part_county_key`): of the whole country and of each county."""
    return {
        key: flowcharts_json(part, county, data)
        for key, (part, county, data) in _part_flowcharts(agreement).items()
    }


def counties_section(agreement):
    """The same for each county (its fact sheet and `?lan=`), by county code."""
    return {
        code: analyse_year(agreement, county=code)
        for code in County.objects.values_list("code", flat=True)
    }


SECTIONS: dict[str, Callable[[Any], Any]] = {
    "analyse": analyse_section,
    "indicators": indicators_section,
    "report": report_section,
    "counties": counties_section,
    "texts": report_texts,
    "answers": answers_section,
    "funds": funds_section,
    "grouped_effects": grouped_effects_section,
    "support_needs": support_needs_section,
    "flowcharts": flowcharts_section,
}

# Sections the fingerprint leaves out: the counties' figures come from the same reports as the
# national ones (which list every county's reports, effects and flags), and computing them
# again for each county would make "changed since publication" many times slower. The grouped
# effects are grouped from the effects of the national section (an analyst's renaming of a group
# alone does not count as a change); so are the flowcharts.
NOT_FINGERPRINTED = {"counties", "grouped_effects", "flowcharts"}
# Sections stored with a row per key (`section/key`), so that a page reads one county's (or one
# part's, `part_county_key`) data.
SPLIT = {"counties", "grouped_effects", "flowcharts"}


def build(agreement, names=None):
    """The sections (`names`, default all) of the year as they would be published now: plain
    JSON (string keys), labels in the document language (Swedish)."""
    with translation.override(settings.LANGUAGE_CODE):
        data = {
            name: section(agreement)
            for name, section in SECTIONS.items()
            if names is None or name in names
        }
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def fingerprint(data):
    """A digest of the data's fingerprinted sections, independent of key order."""
    kept = {name: value for name, value in data.items() if name not in NOT_FINGERPRINTED}
    text = json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def versions(agreement):
    """The published versions of the year, newest first, without their documents."""
    return (
        StatusReportVersion.objects.filter(agreement=agreement)
        .defer("docx", "pdf", "xlsx")
        .select_related("published_by")
    )


def published_version(agreement):
    """The latest version if the year is published now, else None. (A year published before
    versions existed has none: its pages are computed live.)"""
    if not StatusReport.objects.filter(agreement=agreement, published=True).exists():
        return None
    return versions(agreement).first()


# Sections whose value (of a split section: each key's value) has `analyse_year`'s shape, stored
# as a head row (the year without its parts' figures and without the flag list, which no page
# shows), a row per part (its effects shortened to `PAGE_EFFECTS` per category), a row per part
# with every effect, and a row with the flag list: a page reads only the parts it shows.
BY_PART = {"report", "counties"}
PAGE_EFFECTS = 50  # effects kept per category in a part's row (the part page lists 50)
BY_PART_MARK = "stored_by_part"  # in the head row; a version stored before has no such key


def _year_rows(row, data):
    """The rows of one `analyse_year`-shaped value stored by part (see `BY_PART`)."""
    parts = data["parts"]
    head = {key: value for key, value in data.items() if key not in ("parts", "flag_list")}
    yield row, {**head, "parts": [{"part": i["part"]} for i in parts], BY_PART_MARK: True}
    yield f"{row}|flag_list", data["flag_list"]
    for item in parts:
        slug = item["part"]["slug"]
        effects = limit_effects(item["effects"], PAGE_EFFECTS)
        yield f"{row}|part/{slug}", {**item, "effects": effects}
        yield f"{row}|effects/{slug}", item["effects"]


def _rows(data):
    """(row name, data) of the sections as stored."""
    for name, value in data.items():
        items = value.items() if name in SPLIT else [(None, value)]
        for key, item in items:
            row = name if key is None else f"{name}/{key}"
            if name in BY_PART:
                yield from _year_rows(row, item)
            else:
                yield row, item


def _read_year(rows, row, head, parts=None, effects=None, flag_list=True):
    """An `analyse_year`-shaped value from its head row and the rows of the `parts` (slugs,
    None: all) it needs: each part's effects shortened to `effects` per category (None: every
    effect), the flag list only with `flag_list` (else None). A value stored in one row (a
    version published before the split) is returned whole."""
    if head is None or not head.pop(BY_PART_MARK, False):
        return head
    slugs = [i["part"]["slug"] for i in head["parts"]]
    if parts is not None:
        slugs = [slug for slug in slugs if slug in parts]
    names = [f"{row}|part/{slug}" for slug in slugs]
    full = effects is None or effects > PAGE_EFFECTS
    if full:
        names += [f"{row}|effects/{slug}" for slug in slugs]
    if flag_list:
        names.append(f"{row}|flag_list")
    stored = dict(rows.filter(name__in=names).values_list("name", "data"))
    items = []
    for slug in slugs:
        item = stored[f"{row}|part/{slug}"]
        if full:
            item["effects"] = stored[f"{row}|effects/{slug}"]
        elif effects is not None:
            item["effects"] = limit_effects(item["effects"], effects)
        items.append(item)
    return {**head, "parts": items, "flag_list": stored.get(f"{row}|flag_list")}


def version_section(version, name, key=None, **only):
    """One section of a version (or, of a split section, one key's data: None if it has none),
    read without the rest. Of a section stored by part (`BY_PART`), `only` (`parts`, `effects`,
    `flag_list` as in `_read_year`) limits what is read; by default the whole value."""
    rows = StatusReportSection.objects.filter(version=version)
    if name in SPLIT and key is None:
        prefix = f"{name}/"
        return {
            row_name[len(prefix) :]: version_section(version, name, row_name[len(prefix) :])
            for row_name in rows.filter(name__startswith=prefix)
            .exclude(name__contains="|")
            .values_list("name", flat=True)
        }
    row_name = f"{name}/{key}" if key is not None else name
    head = rows.filter(name=row_name).values_list("data", flat=True).first()
    if name in BY_PART:
        return _read_year(rows, row_name, head, **only)
    return head


def part_section(version, name, slug, county=None):
    """A part's (and county's) data of a section split by part (`grouped_effects`,
    `flowcharts`); None if the version has none. A version stored before the split holds the
    whole country's grouped effects in one row, by part slug."""
    data = version_section(version, name, part_county_key(slug, county))
    if data is None and county is None:
        whole = StatusReportSection.objects.filter(version=version, name=name)
        data = (whole.values_list("data", flat=True).first() or {}).get(slug)
    return data


def published_section(year, name, key=None, **only):
    """A section (of a split section, one key's data) of the latest published version of the
    year; AnalysisError (a Swedish message) when the year does not exist or is not published."""
    agreement = get_agreement(year)
    version = published_version(agreement)
    if version is None:
        raise AnalysisError(
            _("Lägesrapporten %(year)s är inte publicerad.") % {"year": agreement.year}
        )
    data = version_section(version, name, key, **only)
    if key is not None and data is None:
        raise AnalysisError(_("Det finns inget län med koden %(code)s.") % {"code": key})
    if data is None or data == {}:
        raise AnalysisError(
            _(
                "Den publicerade versionen %(number)d av lägesrapporten %(year)s har inte de "
                "siffrorna. Publicera en ny version."
            )
            % {"number": version.number, "year": agreement.year}
        )
    return data


def report_data(agreement, county=None, visible=None, version=None, previous=None, **only):
    """The year's analysis (`analyse_year`'s shape) for the whole country or one county: from
    the version's snapshot, or computed live without one (`previous` as in `analyse_year`).
    `only` (`parts`, `effects`, `flag_list`, see `version_section`) says what of a version a
    page reads; computed live, the data is whole."""
    if version is None:
        return analyse_year(agreement, county=county, visible=visible, previous=previous)
    if county is None:
        return version_section(version, "report", **only)
    data = version_section(version, "counties", county, **only)
    if data is None:
        raise AnalysisError(_("Länet finns inte i den publicerade versionen."))
    return data


def document_flowcharts(agreement, county=None, version=None):
    """{part slug: `flowcharts_json`} of the whole country or a county, for the documents:
    the version's, or computed now without one."""
    parts = list(agreement.parts.all())
    if version is None:
        return {part.slug: flowcharts_json(part, county) for part in parts}
    found = {part.slug: part_section(version, "flowcharts", part.slug, county) for part in parts}
    return {slug: data for slug, data in found.items() if data is not None}


def document_data(data, version=None, effects_limit=None, flowcharts=None):
    """The data a document renderer reads: the analysis with the version it belongs to
    (`version` None: an unpublished draft, dated today), the effects shortened and each part's
    category flowcharts (`flowcharts`, by part slug, as `document_flowcharts`; None: none)."""
    flowcharts = flowcharts or {}
    return {
        **data,
        "parts": [
            {
                **item,
                "effects": limit_effects(item["effects"], effects_limit),
                "category_flowcharts": flowcharts.get(item["part"]["slug"]),
            }
            for item in data["parts"]
        ],
        "version": {
            "number": version.number,
            "published_at": timezone.localdate(version.published_at).isoformat(),
            "note": version.note,
        }
        if version
        else None,
        "draft": version is None,
        "date": timezone.localdate(version.published_at if version else None).isoformat(),
    }


def render_document(data, fmt, version=None, flowcharts=None):
    """The status report or a county's fact sheet as docx, pdf or xlsx bytes (`flowcharts` as
    in `document_data`)."""
    limit = None if fmt == "xlsx" else DOCUMENT_EFFECTS
    return RENDERERS[fmt].render(document_data(data, version, limit, flowcharts))


def changed_since(agreement, version):
    """Whether the year's figures or texts, computed now, differ from the version's."""
    names = set(SECTIONS) - NOT_FINGERPRINTED
    return fingerprint(build(agreement, names)) != version.fingerprint


@transaction.atomic
def publish(agreement, user=None, note=""):
    """Publish a new version of the year's status report: compute and store every figure, table
    and text, and mark the year published. Returns the version. Its documents are rendered from
    the stored sections once, when first asked for (`stored_documents`), so they show the
    version's figures whenever that is; publishing renders none of them (three documents cost
    several times the rest of a publication)."""
    data = build(agreement)
    status_report, _created = StatusReport.objects.select_for_update().get_or_create(
        agreement=agreement
    )
    number = (
        StatusReportVersion.objects.filter(agreement=agreement).aggregate(n=Max("number"))["n"] or 0
    ) + 1
    now = timezone.now()
    version = StatusReportVersion(
        agreement=agreement,
        number=number,
        note=note.strip(),
        published_at=now,
        published_by=user,
        fingerprint=fingerprint(data),
        # Versions published before documents were made on first download kept them here.
        docx=b"",
        pdf=b"",
        xlsx=b"",
    )
    version.save()
    StatusReportSection.objects.bulk_create(
        StatusReportSection(version=version, name=name, data=value) for name, value in _rows(data)
    )
    status_report.published = True
    status_report.published_at = now
    status_report.published_by = user
    status_report._history_user = user
    status_report.save()
    return version


@transaction.atomic
def unpublish(agreement, user=None):
    """Make the year non-public again; its versions stay recorded."""
    status_report, _created = StatusReport.objects.get_or_create(agreement=agreement)
    status_report.published = False
    status_report.published_at = None
    status_report.published_by = None
    status_report._history_user = user
    status_report.save()
    return status_report


def indicator_rows_by_year(agreements, draft=False):
    """{year: the "indicators" section} of several years in a fixed number of queries: a
    published year's from its latest version (unless `draft`: analysts' live figures), the
    others computed together (the indicators page's trend over every year)."""
    years = {a.year for a in agreements}
    published = set()
    latest = {}
    if not draft:
        published = set(
            StatusReport.objects.filter(agreement__year__in=years, published=True).values_list(
                "agreement__year", flat=True
            )
        )
        for version_id, year in (
            StatusReportVersion.objects.filter(agreement__year__in=published)
            .order_by("agreement__year", "-number")
            .values_list("pk", "agreement__year")
        ):
            latest.setdefault(year, version_id)
    result = dict(
        StatusReportSection.objects.filter(
            version__in=latest.values(), name="indicators"
        ).values_list("version__agreement__year", "data")
    )
    live = sorted(years - set(result))
    if live:
        rows = json.loads(json.dumps(compute_indicators(None, years=live), cls=DjangoJSONEncoder))
        for year in live:
            result[year] = [
                {k: v for k, v in r.items() if k != "year"} for r in rows if r["year"] == year
            ]
    return result


def section(agreement, name, version=None):
    """A section of the year: the version's, or computed now without one."""
    if version is None:
        return json.loads(json.dumps(SECTIONS[name](agreement), cls=DjangoJSONEncoder))
    return version_section(version, name)
