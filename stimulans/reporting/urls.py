from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("", views.my_reports, name="my_reports"),
    path("ny/<int:pot_id>/", views.open_report, name="open"),
    path("r/<int:report_id>/", views.report_detail, name="detail"),
    path("r/<int:report_id>/redigera/", views.report_edit, name="edit"),
    path("r/<int:report_id>/relevans/", views.report_relevance, name="relevance"),
    path("r/<int:report_id>/autospara/", views.report_autosave, name="autosave"),
    path("r/<int:report_id>/skicka-in/", views.report_submit, name="submit"),
    path(
        "r/<int:report_id>/insatser/<str:identifier>/ta-bort/",
        views.initiative_remove,
        name="remove_initiative",
    ),
    path(
        "r/<int:report_id>/insatser/aterstall/",
        views.initiative_restore,
        name="restore_initiative",
    ),
    path("r/<int:report_id>/historik/", views.report_history, name="history"),
    path(
        "r/<int:report_id>/bilagor/<int:attachment_id>/",
        views.attachment_download,
        name="attachment",
    ),
    path("r/<int:report_id>/aterskicka/", views.report_return, name="return"),
    path("r/<int:report_id>/godkann/", views.report_approve, name="approve"),
    path("<int:year>/lan/", views.county_overview, name="county_overview_own"),
    path("<int:year>/lan/<str:county_code>/", views.county_overview, name="county_overview"),
    path("<int:year>/inlamning/", views.completeness, name="completeness"),
    path("<int:year>/inlamning/<int:pot_id>/", views.pot_completeness, name="pot_completeness"),
    path("<int:year>/inlamning/<int:pot_id>/paminn/", views.send_reminders, name="send_reminders"),
    path("<int:year>/enkater/", views.questionnaire_list, name="questionnaires"),
    path(
        "<int:year>/enkater/<int:pot_id>.xlsx",
        views.questionnaire_download,
        name="questionnaire_download",
    ),
    path(
        "<int:year>/enkater/<int:pot_id>/ladda-upp/",
        views.questionnaire_upload,
        name="questionnaire_upload",
    ),
]

# Imports and exports (stimulans.reporting.import_views / export_views).
from . import export_views, import_views  # noqa: E402

urlpatterns += [
    path("importera/", import_views.import_reports, name="import"),
    path("exportera/", export_views.export_list, name="export_list"),
    path("exportera/<int:pot_id>.xlsx", export_views.export_xlsx, name="export_xlsx"),
    path("exportera/<int:pot_id>/<slug:sheet>.csv", export_views.export_csv, name="export_csv"),
]
