from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = (
        "username",
        "first_name",
        "last_name",
        "role",
        "is_lead_analyst",
        "organisation",
        "is_active",
    )
    list_filter = ("role", "is_lead_analyst", "is_active", "organisation__kind")
    autocomplete_fields = ("organisation",)
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Roll"), {"fields": ("role", "is_lead_analyst", "organisation")}),
    )
    add_fieldsets = BaseUserAdmin.add_fieldsets + (
        (_("Roll"), {"fields": ("role", "is_lead_analyst", "organisation")}),
    )
