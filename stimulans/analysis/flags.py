"""Quality flags per report and initiative: funds with no activities, activities with no goal,
effects claimed without measurement, initiatives paid by other money, text reused unchanged
from last year's report for the same part."""

from collections import defaultdict

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from stimulans.reporting.models import Initiative, Report

from .data_version import data_version

FLAGS = {
    "funds_without_activities": _("Medel utan aktiviteter"),
    "activities_without_goal": _("Aktiviteter utan mål"),
    "effects_not_measured": _("Effekter utan mätning"),
    "other_money": _("Insats betald med andra medel"),
    "reused_text": _("Samma text som förra året"),
}


def flag_label(code):
    return str(FLAGS[code])


def _text_key(*parts):
    """The texts of an initiative as written (trimmed); None when all are empty."""
    key = tuple(p.strip() for p in parts)
    return key if any(key) else None


def _previous_texts(agreement, organisation_ids):
    """{(organisation id, part slug, texts)} of last year's initiatives of these organisations."""
    previous = set()
    if not organisation_ids:
        return previous
    for org_id, slug, *texts in Initiative.objects.filter(
        report__pot__part__agreement__year=agreement.year - 1,
        report__organisation__in=organisation_ids,
    ).values_list(
        "report__organisation_id",
        "report__pot__part__slug",
        "activities",
        "goals",
        "outputs",
        "effects",
    ):
        text = _text_key(*texts)
        if text:
            previous.add((org_id, slug, text))
    return previous


CACHE_SECONDS = 24 * 3600


def quality_flags(agreement, part=None, report=None, county=None):
    """The flags of the counted reports of the year (of one part, one report or one county),
    as dicts {flag, label, report_id, organisation, county, part, initiative_id, initiative}
    sorted by part, organisation and flag.

    The whole year's flags are computed once per change of the data they read (this year's and,
    for reused texts, last year's: `data_version`) and stored in the cache; this picks from
    them."""
    key = ":".join(
        (
            "analysis:flags",
            str(agreement.year),
            get_language() or "",
            data_version(agreement.year),
            data_version(agreement.year - 1),
        )
    )
    flags = cache.get(key)
    if flags is None:
        flags = compute_flags(agreement)
        cache.set(key, flags, CACHE_SECONDS)
    return [
        f
        for f in flags
        if (part is None or f["part"] == part.slug)
        and (report is None or f["report_id"] == report.pk)
        and (not county or f["county"] == county)
    ]


def compute_flags(agreement):
    """Every flag of the counted reports of the year, computed (see `quality_flags`)."""
    reports = Report.objects.counted().filter(pot__part__agreement=agreement)
    report_rows = {
        r.pk: r
        for r in reports.values_list(
            "pk",
            "organisation_id",
            "organisation__short_name",
            "pot__part__slug",
            "funds_used_sek",
            "organisation__county__code",
            named=True,
        )
    }
    initiatives = (
        Initiative.objects.filter(report__in=report_rows.keys()).with_effective_coding()
    ).values_list(
        "pk",
        "report_id",
        "title",
        "identifier",
        "activities",
        "goals",
        "outputs",
        "effects",
        "funds_sek",
        "eff_within",
        "eff_measured",
    )
    previous = _previous_texts(agreement, {r.organisation_id for r in report_rows.values()})

    flags = []

    def add(code, report_id, initiative=None):
        """`initiative`: (pk, title, identifier), or None for a flag on the whole report."""
        r = report_rows[report_id]
        flags.append(
            {
                "flag": code,
                "label": flag_label(code),
                "report_id": report_id,
                "organisation": r.organisation__short_name,
                "county": r.organisation__county__code,
                "part": r.pot__part__slug,
                "initiative_id": initiative[0] if initiative else None,
                "initiative": (initiative[1] or initiative[2]) if initiative else "",
            }
        )

    with_activities = set()
    for (
        pk,
        report_id,
        title,
        ident,
        act,
        goals,
        outputs,
        effects,
        funds,
        within,
        measured,
    ) in initiatives:
        r = report_rows[report_id]
        initiative = (pk, title, ident)
        if not within:
            add("other_money", report_id, initiative)
            continue
        has_act = bool(act.strip())
        if has_act:
            with_activities.add(report_id)
        if (funds or 0) > 0 and not has_act:
            add("funds_without_activities", report_id, initiative)
        if has_act and not goals.strip():
            add("activities_without_goal", report_id, initiative)
        if effects.strip() and not measured:
            add("effects_not_measured", report_id, initiative)
        text = _text_key(act, goals, outputs, effects)
        if text and (r.organisation_id, r.pot__part__slug, text) in previous:
            add("reused_text", report_id, initiative)
    for report_id, r in report_rows.items():
        if (r.funds_used_sek or 0) > 0 and report_id not in with_activities:
            add("funds_without_activities", report_id)
    flags.sort(key=lambda f: (f["part"], f["organisation"], f["flag"]))
    return flags


def flag_summary(flags):
    """[{flag, label, count, reports}] in the order of FLAGS."""
    counts = defaultdict(int)
    reports = defaultdict(set)
    for f in flags:
        counts[f["flag"]] += 1
        reports[f["flag"]].add(f["report_id"])
    return [
        {"flag": code, "label": str(label), "count": counts[code], "reports": len(reports[code])}
        for code, label in FLAGS.items()
    ]
