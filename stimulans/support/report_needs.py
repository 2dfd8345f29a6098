"""The answers to the reports' support question ("Vilket stöd från nationella aktörer behöver
ni för det fortsatta arbetet?", field `support_needed`) as support needs: one need per chosen
alternative ("Inget stöd behövs" is none). Idempotent: a need is keyed by report and choice,
so running it again changes nothing; a need whose choice was taken away from a counted report
is removed, and the analyst's theme on a need that stays is kept. A report that is returned
keeps its needs, which are not counted (`SupportNeed.objects.counted`) until it is submitted
again."""

from django.db import transaction

from stimulans.reporting.models import Report
from stimulans.reporting.questions import report_questions

from .models import NeedSource, SupportNeed, SupportTheme

QUESTION = "support_needed"
DESCRIPTION = "support_description"
NO_NEED = "none"


def _choice_labels(report):
    questionnaire = getattr(report.pot, "questionnaire", None)
    if questionnaire is None:
        return {}
    for question in report_questions(questionnaire.definition, []):
        if question.name == QUESTION:
            return dict(question.choices)
    return {}


def _chosen(report):
    value = (report.answers or {}).get(QUESTION)
    if isinstance(value, str):
        value = value.split()
    if not isinstance(value, list):
        return []
    return [str(v) for v in value if str(v) and str(v) != NO_NEED]


def suggested_themes():
    """The theme suggested for each choice of the support question (the administrator's
    `SupportTheme.report_choice`)."""
    return {
        t.report_choice: t
        for t in SupportTheme.objects.filter(active=True).exclude(report_choice="")
    }


@transaction.atomic
def sync_report(report):
    """The support needs of one report, as its saved answers give them; returns (created,
    removed)."""
    if not report.is_counted:
        return 0, 0
    chosen = _chosen(report)
    existing = {n.report_choice: n for n in SupportNeed.objects.filter(report=report)}
    removed = [n.pk for choice, n in existing.items() if choice not in chosen]
    SupportNeed.objects.filter(pk__in=removed).delete()
    labels = _choice_labels(report) if chosen else {}
    free_text = str((report.answers or {}).get(DESCRIPTION) or "").strip()
    created = 0
    for choice in chosen:
        label = labels.get(choice, choice)
        description = f"{label}: {free_text}" if free_text else str(label)
        need = existing.get(choice)
        if need is None:
            SupportNeed.objects.create(
                source=NeedSource.REPORT,
                report=report,
                report_choice=choice,
                year=report.pot.part.agreement.year,
                county_id=report.organisation.county_id,
                organisation=report.organisation,
                part=report.pot.part,
                description=description,
            )
            created += 1
        elif need.description != description:
            need.description = description
            need.save(update_fields=["description"])
    return created, len(removed)


def sync_report_needs(year=None):
    """Every counted report's support needs (of one agreement year, or all); returns (created,
    removed)."""
    reports = Report.objects.counted().select_related(
        "organisation", "pot__part__agreement", "pot__questionnaire"
    )
    if year is not None:
        reports = reports.filter(pot__part__agreement__year=year)
    created = removed = 0
    for report in reports:
        c, r = sync_report(report)
        created += c
        removed += r
    return created, removed


@transaction.atomic
def apply_suggestions(user, year=None):
    """Codes the uncoded report needs with their suggested themes (the analyst's "accept the
    suggestions"); returns how many were coded."""
    coded = 0
    for choice, theme in suggested_themes().items():
        needs = SupportNeed.objects.filter(
            source=NeedSource.REPORT, theme__isnull=True, report_choice=choice
        )
        if year is not None:
            needs = needs.filter(year=year)
        for need in needs:  # one by one, so each coding is in the need's history
            need.theme = theme
            need.coded_by = user
            need.save(update_fields=["theme", "coded_by"])
            coded += 1
    return coded
