from django.urls import path

from . import editing_views as edit
from . import period_views, views

app_name = "funds"

urlpatterns = [
    path("", views.agreement_list, name="agreement_list"),
    path("importera/", views.agreement_upload, name="agreement_upload"),
    path("perioder/", period_views.period_list, name="period_list"),
    path("perioder/ny/", period_views.period_add, name="period_add"),
    path("perioder/<int:pk>/", period_views.period_edit, name="period_edit"),
    path("perioder/<int:pk>/ta-bort/", period_views.period_remove, name="period_remove"),
    path("<int:year>/", views.agreement_detail, name="agreement_detail"),
    path("<int:year>/fordela/", views.agreement_allocate, name="agreement_allocate"),
    path("<int:year>/oversikt/", views.national_overview, name="national_overview"),
    path("<int:year>/rekvireringar/", views.requisition_overview, name="requisition_overview"),
    path("<int:year>/potter/<int:pot_id>/", views.pot_allocations, name="pot_allocations"),
    path("<int:year>/redigera/", edit.agreement_edit, name="agreement_edit"),
    path("<int:year>/delar/ny/", edit.part_add, name="part_add"),
    path("<int:year>/delar/<int:part_id>/", edit.part_edit, name="part_edit"),
    path("<int:year>/delar/<int:part_id>/ta-bort/", edit.part_remove, name="part_remove"),
    path("<int:year>/delar/<int:part_id>/potter/ny/", edit.pot_add, name="pot_add"),
    path("<int:year>/potter/<int:pot_id>/redigera/", edit.pot_edit, name="pot_edit"),
    path("<int:year>/potter/<int:pot_id>/ta-bort/", edit.pot_remove, name="pot_remove"),
    path("<int:year>/potter/<int:pot_id>/kategorier/ny/", edit.category_add, name="category_add"),
    path("<int:year>/kategorier/<int:category_id>/", edit.category_edit, name="category_edit"),
    path(
        "<int:year>/kategorier/<int:category_id>/ta-bort/",
        edit.category_remove,
        name="category_remove",
    ),
]
