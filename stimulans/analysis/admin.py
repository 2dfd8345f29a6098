from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Indicator, InitiativeCoding, StatusReport


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "numerator", "denominator", "unit"]


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
