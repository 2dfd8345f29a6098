from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ActionPlan, PlanComment


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    """Plans are edited on their own pages; the admin lists them and shows their history.
    Published versions are read-only here too."""

    list_display = ["__str__", "scope", "county", "year", "version", "status", "adopted_by"]
    list_filter = ["scope", "status", "year", "county"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_published:
            return [f.name for f in self.model._meta.fields]
        return ["status", "published_at", "published_by", "lock_version", "based_on"]

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.is_draft


@admin.register(PlanComment)
class PlanCommentAdmin(admin.ModelAdmin):
    list_display = ["plan", "author", "created_at"]
