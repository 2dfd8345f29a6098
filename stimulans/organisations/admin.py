from django.contrib import admin

from .models import County, Organisation, PopulationDataset


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "short_name")
    search_fields = ("code", "name")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "county")
    list_filter = ("kind", "county")
    search_fields = ("code", "name", "short_name")


@admin.register(PopulationDataset)
class PopulationDatasetAdmin(admin.ModelAdmin):
    list_display = ("year", "source", "official", "imported_at")
    readonly_fields = ("imported_at", "imported_by")
