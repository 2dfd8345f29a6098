from django.urls import path

from .views import items, lists, plan

app_name = "plans"

urlpatterns = [
    path("", lists.plan_list, name="plan_list"),
    path("ny/", lists.plan_create, name="plan_create"),
    path("importera/", lists.plan_import, name="plan_import"),
    path("oversikt/", lists.national_overview_view, name="national_overview"),
    path("oversikt/<int:year>/", lists.national_overview_view, name="national_overview_year"),
    path("<int:pk>/", plan.plan_detail, name="plan_detail"),
    path("<int:pk>/redigera/", plan.plan_edit, name="plan_edit"),
    path("<int:pk>/publicera/", plan.plan_publish, name="plan_publish"),
    path("<int:pk>/ny-version/", plan.plan_new_version, name="plan_new_version"),
    path("<int:pk>/kommentera/", plan.plan_comment, name="plan_comment"),
    path("<int:pk>/jamfor/", plan.plan_diff, name="plan_diff"),
    path("<int:pk>/export.<str:fmt>", plan.plan_export, name="plan_export"),
    path(
        "<int:pk>/bilagor/<int:attachment_id>/",
        plan.attachment_download,
        name="attachment_download",
    ),
    path("<int:pk>/<str:kind>/ny/", items.item_edit, name="item_create"),
    path("<int:pk>/<str:kind>/<int:item_id>/", items.item_edit, name="item_edit"),
    path("<int:pk>/<str:kind>/<int:item_id>/ta-bort/", items.item_delete, name="item_delete"),
]
