from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Indicator, InitiativeCoding, StatisticValue, StatusReport


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    """The administrator defines indicators here, on reported measures or on imported statistics
    series (numerator and denominator series, or a ready value series), with source and
    definition (`description`)."""

    list_display = ["code", "title", "basis", "numerator", "denominator", "value_series", "unit"]
    list_filter = ["basis"]
    fields = [
        "code",
        "title",
        "basis",
        "numerator",
        "denominator",
        "value_series",
        "unit",
        "source",
        "description",
        "order",
    ]


@admin.register(StatisticValue)
class StatisticValueAdmin(admin.ModelAdmin):
    """Imported with `stimulans import-statistics`; listed here to be checked."""

    list_display = ["series", "org_kind", "org_code", "year", "value", "source", "imported_at"]
    list_filter = ["source", "org_kind", "year"]
    search_fields = ["series", "org_code"]


@admin.register(InitiativeCoding)
class InitiativeCodingAdmin(SimpleHistoryAdmin):
    """Codings are made in the workbench; the admin lists them and shows their history."""

    list_display = ["initiative", "category", "effect_level", "effect_measured", "link_quality"]
    list_filter = ["effect_level", "effect_measured", "link_quality"]
    raw_id_fields = ["initiative"]
    readonly_fields = ["coded_by", "coded_at"]


@admin.register(StatusReport)
class StatusReportAdmin(SimpleHistoryAdmin):
    list_display = ["agreement", "published", "published_at", "published_by"]
    readonly_fields = ["published_at", "published_by"]
