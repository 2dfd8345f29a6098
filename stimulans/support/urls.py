from django.urls import path

from .views import actions, dialogues, exports, national, needs

app_name = "support"

urlpatterns = [
    path("dialoger/", dialogues.dialogue_list, name="dialogues"),
    path("dialoger/ny/", dialogues.dialogue_edit, name="dialogue_create"),
    path("dialoger/<int:pk>/", dialogues.dialogue_detail, name="dialogue_detail"),
    path("dialoger/<int:pk>/redigera/", dialogues.dialogue_edit, name="dialogue_edit"),
    path("dialoger.xlsx", exports.dialogues_export, name="dialogues_export"),
    path("behov/", needs.need_list, name="needs"),
    path("behov/nytt/", needs.need_create, name="need_create"),
    path("behov/<int:pk>/", needs.need_detail, name="need_detail"),
    path("behov/<int:pk>/koda/", needs.need_code, name="need_code"),
    path("behov.xlsx", exports.needs_export, name="needs_export"),
    path("nationellt/", national.national_view, name="national"),
    path("nationellt/las-in/", national.refresh, name="refresh"),
    path("atgarder/", actions.action_list, name="actions"),
    path("atgarder/ny/", actions.action_edit, name="action_create"),
    path("atgarder/<int:pk>/", actions.action_detail, name="action_detail"),
    path("atgarder/<int:pk>/redigera/", actions.action_edit, name="action_edit"),
    path("atgarder.xlsx", exports.actions_export, name="actions_export"),
]
