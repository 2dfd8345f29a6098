from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("befolkning/", views.population, name="population"),
    path("<str:kind>/<str:code>/", views.organisation_detail, name="detail"),
    path(
        "<str:kind>/<str:code>/rekvirera/<int:allocation_id>/",
        views.requisition_create,
        name="requisition_create",
    ),
    path("<str:kind>/<str:code>/avsattning/", views.set_aside_create, name="set_aside_create"),
]
