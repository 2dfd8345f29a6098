from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("katalog.<str:fmt>", views.catalogue_file, name="catalogue"),
    path("indikatorer.jsonstat.json", views.jsonstat, name="jsonstat"),
    path("<int:year>/indikatorer.jsonstat.json", views.year_jsonstat, name="year_jsonstat"),
    path("<int:year>/<slug:name>.<str:fmt>", views.table_file, name="table"),
]
