from django.urls import path  # noqa: F401

app_name = "reporting"

urlpatterns = []

# Imports and exports (stimulans.reporting.import_views / export_views).
from . import export_views, import_views  # noqa: E402

urlpatterns += [
    path("importera/", import_views.import_reports, name="import"),
    path("exportera/", export_views.export_list, name="export_list"),
    path("exportera/<int:pot_id>.xlsx", export_views.export_xlsx, name="export_xlsx"),
    path("exportera/<int:pot_id>/<slug:sheet>.csv", export_views.export_csv, name="export_csv"),
]
