"""The version of a year's data the analysis reads: changes whenever a report, initiative,
coding, analyst's text or text-group override of the year changes (the latest change time and
the row count of each, so a removal counts too). Caches of drafts key on it."""

import hashlib

from django.db.models import Count, Max

from stimulans.reporting.models import Initiative, MeasureValue, Report

from .models import InitiativeCoding, ReportText, TextGroupOverride


def data_version(year):
    """A short string that is the same as long as nothing the year's analysis reads changed."""
    parts = [
        Report.objects.filter(pot__part__agreement__year=year).aggregate(
            n=Count("pk"), t=Max("updated_at")
        ),
        Initiative.objects.filter(report__pot__part__agreement__year=year).aggregate(
            n=Count("pk"), m=Max("pk")
        ),
        MeasureValue.objects.filter(report__pot__part__agreement__year=year).aggregate(
            n=Count("pk"), m=Max("pk")
        ),
        InitiativeCoding.objects.filter(
            initiative__report__pot__part__agreement__year=year
        ).aggregate(n=Count("pk"), t=Max("coded_at")),
        ReportText.objects.filter(agreement__year=year).aggregate(
            n=Count("pk"), t=Max("updated_at")
        ),
        TextGroupOverride.objects.aggregate(n=Count("pk"), t=Max("changed_at")),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]
