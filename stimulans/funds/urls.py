from django.urls import path

from . import views

app_name = "funds"

urlpatterns = [
    path("", views.agreement_list, name="agreement_list"),
    path("importera/", views.agreement_upload, name="agreement_upload"),
    path("<int:year>/", views.agreement_detail, name="agreement_detail"),
    path("<int:year>/fordela/", views.agreement_allocate, name="agreement_allocate"),
    path("<int:year>/oversikt/", views.national_overview, name="national_overview"),
    path("<int:year>/rekvireringar/", views.requisition_overview, name="requisition_overview"),
    path("<int:year>/potter/<int:pot_id>/", views.pot_allocations, name="pot_allocations"),
]
