from django.contrib import admin

from .models import OpenDataSettings


def _national_admin(request):
    user = request.user
    return user.is_active and user.is_staff and (user.is_superuser or user.is_national_admin)


@admin.register(OpenDataSettings)
class OpenDataSettingsAdmin(admin.ModelAdmin):
    """Edited by national administrators (staff) only; one row, never deleted."""

    list_display = ("__str__", "licence", "contact_name", "contact_email")

    def has_module_permission(self, request):
        return _national_admin(request)

    def has_view_permission(self, request, obj=None):
        return _national_admin(request)

    def has_change_permission(self, request, obj=None):
        return _national_admin(request)

    def has_add_permission(self, request):
        return _national_admin(request) and not OpenDataSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
