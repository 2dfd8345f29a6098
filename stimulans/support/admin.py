from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Dialogue, InterestOrganisation, SupportAction, SupportNeed, SupportTheme


@admin.register(SupportTheme)
class SupportThemeAdmin(admin.ModelAdmin):
    """The controlled list of themes, kept by the national administrator."""

    list_display = ["name", "code", "prioritised", "active", "order", "report_choice"]
    list_editable = ["prioritised", "active", "order"]


@admin.register(InterestOrganisation)
class InterestOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name"]


@admin.register(Dialogue)
class DialogueAdmin(SimpleHistoryAdmin):
    list_display = ["date", "county", "interest_organisation"]


@admin.register(SupportNeed)
class SupportNeedAdmin(SimpleHistoryAdmin):
    list_display = ["year", "county", "source", "theme"]
    list_filter = ["year", "source", "theme"]


@admin.register(SupportAction)
class SupportActionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "status", "date"]
