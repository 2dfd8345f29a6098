from django.urls import path

from .views import (
    agreement_copy,
    exports,
    imports,
    my_reports,
    overviews,
    questionnaires,
    reading,
    report_form,
    review,
    work_list,
)

app_name = "reporting"

urlpatterns = [
    path("", my_reports.my_reports, name="my_reports"),
    path("ny/<int:pot_id>/", my_reports.open_report, name="open"),
    path("r/<int:report_id>/", reading.report_detail, name="detail"),
    path("r/<int:report_id>/redigera/", report_form.report_edit, name="edit"),
    path("r/<int:report_id>/relevans/", report_form.report_relevance, name="relevance"),
    path("r/<int:report_id>/autospara/", report_form.report_autosave, name="autosave"),
    path("r/<int:report_id>/skicka-in/", report_form.report_submit, name="submit"),
    path(
        "r/<int:report_id>/insatser/<str:identifier>/ta-bort/",
        report_form.initiative_remove,
        name="remove_initiative",
    ),
    path(
        "r/<int:report_id>/insatser/aterstall/",
        report_form.initiative_restore,
        name="restore_initiative",
    ),
    path("r/<int:report_id>/historik/", reading.report_history, name="history"),
    path(
        "r/<int:report_id>/bilagor/<int:attachment_id>/",
        reading.attachment_download,
        name="attachment",
    ),
    path("r/<int:report_id>/aterskicka/", review.report_return, name="return"),
    path("r/<int:report_id>/godkann/", review.report_approve, name="approve"),
    path("<int:year>/lan/", overviews.county_overview, name="county_overview_own"),
    path("<int:year>/lan/<str:county_code>/", overviews.county_overview, name="county_overview"),
    path("<int:year>/granska/", work_list.to_review, name="to_review"),
    path("<int:year>/inlamning/", overviews.completeness, name="completeness"),
    path("<int:year>/inlamning/<int:pot_id>/", overviews.pot_completeness, name="pot_completeness"),
    path(
        "<int:year>/inlamning/<int:pot_id>/paminn/", overviews.send_reminders, name="send_reminders"
    ),
    path("<int:year>/nytt-ar/", agreement_copy.copy_agreement_page, name="copy_agreement"),
    path("<int:year>/enkater/", questionnaires.questionnaire_list, name="questionnaires"),
    path(
        "<int:year>/enkater/<int:pot_id>.xlsx",
        questionnaires.questionnaire_download,
        name="questionnaire_download",
    ),
    path(
        "<int:year>/enkater/<int:pot_id>/ladda-upp/",
        questionnaires.questionnaire_upload,
        name="questionnaire_upload",
    ),
]

urlpatterns += [
    path("importera/", imports.import_reports, name="import"),
    path("exportera/", exports.export_list, name="export_list"),
    path("exportera/<int:pot_id>.xlsx", exports.export_xlsx, name="export_xlsx"),
    path("exportera/<int:pot_id>/<slug:sheet>.csv", exports.export_csv, name="export_csv"),
]
