from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("ny/", views.plan_create, name="plan_create"),
    path("importera/", views.plan_import, name="plan_import"),
    path("oversikt/", views.national_overview_view, name="national_overview"),
    path("oversikt/<int:year>/", views.national_overview_view, name="national_overview_year"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/redigera/", views.plan_edit, name="plan_edit"),
    path("<int:pk>/publicera/", views.plan_publish, name="plan_publish"),
    path("<int:pk>/ny-version/", views.plan_new_version, name="plan_new_version"),
    path("<int:pk>/kommentera/", views.plan_comment, name="plan_comment"),
    path("<int:pk>/jamfor/", views.plan_diff, name="plan_diff"),
    path("<int:pk>/export.<str:fmt>", views.plan_export, name="plan_export"),
    path(
        "<int:pk>/bilagor/<int:attachment_id>/",
        views.attachment_download,
        name="attachment_download",
    ),
    path("<int:pk>/<str:kind>/ny/", views.item_edit, name="item_create"),
    path("<int:pk>/<str:kind>/<int:item_id>/", views.item_edit, name="item_edit"),
    path("<int:pk>/<str:kind>/<int:item_id>/ta-bort/", views.item_delete, name="item_delete"),
]
