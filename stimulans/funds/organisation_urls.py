"""The pages under /organisationer/: an organisation's funds (this app) and the population
import (the organisations app). One namespace, `organisations`, as the templates name them; the
URL module lives here because funds depends on organisations, not the other way round."""

from django.urls import path

from stimulans.organisations.views import population

from . import organisation_views as views

app_name = "organisations"

urlpatterns = [
    path("befolkning/", population, name="population"),
    path("<str:kind>/<str:code>/", views.organisation_detail, name="detail"),
    path(
        "<str:kind>/<str:code>/rekvirera/<int:allocation_id>/",
        views.requisition_create,
        name="requisition_create",
    ),
    path("<str:kind>/<str:code>/avsattning/", views.set_aside_create, name="set_aside_create"),
]
