from django.contrib import admin

from .models import (
    Agreement,
    AgreementPart,
    Allocation,
    AllocationKey,
    AllocationWeight,
    Category,
    Pot,
    Requisition,
    SetAside,
)


class PartInline(admin.StackedInline):
    model = AgreementPart
    extra = 0


class KeyInline(admin.TabularInline):
    model = AllocationKey
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ("year", "title", "total_sek", "reporting_deadline")
    inlines = [PartInline, KeyInline]


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 0


@admin.register(Pot)
class PotAdmin(admin.ModelAdmin):
    list_display = ("part", "recipient_kind", "amount_sek", "key")
    list_filter = ("part__agreement", "recipient_kind")
    inlines = [CategoryInline]


class WeightInline(admin.TabularInline):
    model = AllocationWeight
    extra = 0
    autocomplete_fields = ("organisation",)


@admin.register(AllocationKey)
class AllocationKeyAdmin(admin.ModelAdmin):
    list_display = ("agreement", "slug", "kind", "population_year")
    inlines = [WeightInline]


@admin.register(Allocation)
class AllocationAdmin(admin.ModelAdmin):
    list_display = ("pot", "organisation", "amount_sek")
    list_filter = ("pot__part__agreement", "pot__recipient_kind")
    search_fields = ("organisation__name", "organisation__code")
    readonly_fields = ("pot", "organisation", "amount_sek", "weight")


@admin.register(Requisition)
class RequisitionAdmin(admin.ModelAdmin):
    list_display = ("allocation", "amount_sek", "requested_by", "requested_at")
    readonly_fields = ("requested_at",)


admin.site.register(SetAside)
