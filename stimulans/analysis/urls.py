from django.urls import path

from . import views

app_name = "analysis"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:year>/", views.year_report, name="year_report"),
    path("<int:year>/publicera/", views.publish, name="publish"),
    path("<int:year>/lagesrapport.<str:fmt>", views.download_report, name="download_report"),
    path("<int:year>/indikatorer/", views.indicators, name="indicators"),
    path("<int:year>/lan/<str:county>/", views.county_sheet, name="county_sheet"),
    path(
        "<int:year>/lan/<str:county>/faktablad.<str:fmt>",
        views.download_county,
        name="download_county",
    ),
    path("<int:year>/del/<slug:part>/", views.part_analysis, name="part_analysis"),
    path("<int:year>/del/<slug:part>/insatser/", views.workbench, name="workbench"),
    path("<int:year>/del/<slug:part>/kvalitet/", views.part_flags, name="part_flags"),
    path("insatser/<int:pk>/", views.initiative_detail, name="initiative_detail"),
    path("redovisningar/<int:pk>/kvalitet/", views.report_flags, name="report_flags"),
    path("api/<int:year>/tackning/", views.api_coverage, name="api_coverage"),
    path("api/<int:year>/indikatorer/", views.api_indicators, name="api_indicators"),
    path("api/<int:year>/kvalitet/", views.api_flags, name="api_flags"),
    path("api/<int:year>/del/<slug:part>/", views.api_aggregate, name="api_aggregate"),
    path("api/<int:year>/del/<slug:part>/effekter/", views.api_effects, name="api_effects"),
]
