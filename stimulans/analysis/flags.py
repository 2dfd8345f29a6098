"""Quality flags per report and initiative: funds with no activities, activities with no goal,
effects claimed without measurement, initiatives paid by other money, text reused unchanged
from last year's report for the same part."""

from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from stimulans.reporting.models import Initiative, Report

from .data_version import data_version
from .models import QualityFlag, QualityFlagSet

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


def stored_flags(agreement):
    """The year's flags as a QuerySet of `QualityFlag` rows in the list's order.

    The flags are computed once per change of the data they read (this year's and, for reused
    texts, last year's: `data_version`) and stored; when the stored set's version differs they
    are recomputed first (`_refresh`)."""
    _refresh(agreement)
    return QualityFlag.objects.filter(agreement=agreement)


def _refresh(agreement, versions=None):
    """Recompute and store the year's flags if the stored set's version is not the data's;
    returns the computed flags then (`compute_flags`), else None. The version is read before
    computing, so a change meanwhile leaves the set stale (recomputed on the next read), never
    wrongly fresh. `versions`: the two years' data versions if the caller has just read them."""
    version = versions or f"{data_version(agreement.year)}:{data_version(agreement.year - 1)}"
    stored = (
        QualityFlagSet.objects.filter(agreement=agreement).values_list("version", flat=True).first()
    )
    if stored == version:
        return None
    flags = compute_flags(agreement)
    _store(agreement, version, flags)
    return flags


INSERT_COLUMNS = (
    "agreement_id",
    "position",
    "flag",
    "report_id",
    "organisation",
    "county",
    "part",
    "initiative_id",
    "initiative_name",
)


def _store(agreement, version, flags):
    """Replace the year's rows in one transaction. Written with the driver's `executemany`:
    building a national year's ~4 600 model instances and inserts with the ORM cost as much as
    computing the flags."""
    with transaction.atomic():
        flag_set, _created = QualityFlagSet.objects.select_for_update().get_or_create(
            agreement=agreement, defaults={"version": ""}
        )
        if flag_set.version == version:  # stored meanwhile by another request
            return
        QualityFlag.objects.filter(agreement=agreement).delete()
        quote = connection.ops.quote_name
        sql = "INSERT INTO {} ({}) VALUES ({})".format(
            quote(QualityFlag._meta.db_table),
            ", ".join(quote(c) for c in INSERT_COLUMNS),
            ", ".join(["%s"] * len(INSERT_COLUMNS)),
        )
        rows = [
            (
                agreement.pk,
                position,
                f["flag"],
                f["report_id"],
                f["organisation"],
                f["county"] or "",
                f["part"],
                f["initiative_id"],
                f["initiative"],
            )
            for position, f in enumerate(flags)
        ]
        with connection.cursor() as cursor:
            for start in range(0, len(rows), 1000):
                cursor.executemany(sql, rows[start : start + 1000])
        flag_set.version = version
        flag_set.save(update_fields=["version", "computed_at"])


def flag_rows(agreement, part=None, report=None, county=None):
    """The stored flags of the year (of one part, one report or one county), a QuerySet in the
    list's order: the pages page through it."""
    return _narrowed(stored_flags(agreement), part, report, county)


def _narrowed(rows, part=None, report=None, county=None):
    if part is not None:
        rows = rows.filter(part=part.slug)
    if report is not None:
        rows = rows.filter(report=report)
    if county:
        rows = rows.filter(county=county)
    return rows


ROW_FIELDS = (
    "flag",
    "report_id",
    "organisation",
    "county",
    "part",
    "initiative_id",
    "initiative_name",
)


def as_dicts(rows):
    """Flag rows as dicts {flag, label, report_id, organisation, county, part, initiative_id,
    initiative} (the shape of the analysis JSON)."""
    labels = _labels()
    return [
        {
            "flag": flag,
            "label": labels[flag],
            "report_id": report_id,
            "organisation": organisation,
            "county": county or None,
            "part": part,
            "initiative_id": initiative_id,
            "initiative": initiative,
        }
        for flag, report_id, organisation, county, part, initiative_id, initiative in (
            rows.values_list(*ROW_FIELDS)
        )
    ]


def quality_flags(agreement, part=None, report=None, county=None, versions=None):
    """The flags of the counted reports of the year (of one part, one report or one county),
    as dicts (`as_dicts`) sorted by part, organisation and flag: read from the stored rows, or
    picked from the flags when they were just computed. `versions`: see `_refresh`."""
    computed = _refresh(agreement, versions)
    if computed is None:
        return as_dicts(
            _narrowed(QualityFlag.objects.filter(agreement=agreement), part, report, county)
        )
    return [
        f
        for f in computed
        if (part is None or f["part"] == part.slug)
        and (report is None or f["report_id"] == report.pk)
        and (not county or f["county"] == county)
    ]


def _labels():
    """{code: label} in the current language (translating each row's label cost more than
    computing its flag)."""
    return {code: str(label) for code, label in FLAGS.items()}


def summary_of(rows):
    """`flag_summary` of a QuerySet of flag rows, counted by the database."""
    counted = {
        r["flag"]: r
        for r in rows.order_by()
        .values("flag")
        .annotate(count=Count("pk"), reports=Count("report", distinct=True))
    }
    return [
        {
            "flag": code,
            "label": str(label),
            "count": counted.get(code, {}).get("count", 0),
            "reports": counted.get(code, {}).get("reports", 0),
        }
        for code, label in FLAGS.items()
    ]


def compute_flags(agreement):
    """Every flag of the counted reports of the year, computed (see `stored_flags`)."""
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
    labels = _labels()

    def add(code, report_id, initiative=None):
        """`initiative`: (pk, title, identifier), or None for a flag on the whole report."""
        r = report_rows[report_id]
        flags.append(
            {
                "flag": code,
                "label": labels[code],
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
