from django.urls import path, re_path

from stimulans.api.conventions import not_found

from .views import (
    answers,
    api,
    downloads,
    flowcharts,
    funds,
    publish,
    reports,
    statistics,
    texts,
    trends,
    workbench,
)

app_name = "analysis"

urlpatterns = [
    path("", reports.index, name="index"),
    path("statistik/", statistics.statistics, name="statistics"),
    path("utveckling/", trends.trend_index, name="trend_index"),
    path("utveckling/indikatorer/", trends.indicators_trend, name="trend_indicators"),
    path("utveckling/medel/", trends.funds_trend_page, name="trend_funds"),
    path("utveckling/svar/<slug:part>/", trends.answers_trend_page, name="trend_answers"),
    path("<int:year>/", reports.year_report, name="year_report"),
    path("<int:year>/publicera/", publish.publish, name="publish"),
    path("<int:year>/text/<str:kind>/", texts.edit_year_text, name="edit_year_text"),
    path("<int:year>/del/<slug:part>/iakttagelser/", texts.edit_part_text, name="edit_part_text"),
    path("<int:year>/lagesrapport.<str:fmt>", downloads.download_report, name="download_report"),
    path("<int:year>/indikatorer/", reports.indicators, name="indicators"),
    path("<int:year>/medel/", funds.funds, name="funds"),
    path("<int:year>/lan/<str:county>/", reports.county_sheet, name="county_sheet"),
    path(
        "<int:year>/lan/<str:county>/faktablad.<str:fmt>",
        downloads.download_county,
        name="download_county",
    ),
    path("<int:year>/del/<slug:part>/", reports.part_analysis, name="part_analysis"),
    path("<int:year>/del/<slug:part>/svar/", answers.part_answers_page, name="part_answers"),
    path("<int:year>/del/<slug:part>/insatser/", workbench.workbench, name="workbench"),
    path("<int:year>/del/<slug:part>/kvalitet/", workbench.part_flags, name="part_flags"),
    path("<int:year>/del/<slug:part>/floden/", flowcharts.part_flowcharts, name="flowcharts"),
    path(
        "<int:year>/del/<slug:part>/floden/<int:category>/",
        flowcharts.category_flowchart,
        name="category_flowchart",
    ),
    path(
        "<int:year>/del/<slug:part>/floden/<int:category>/grupper/",
        flowcharts.text_groups,
        name="text_groups",
    ),
    path("insatser/<int:pk>/", workbench.initiative_detail, name="initiative_detail"),
    path("redovisningar/<int:pk>/kvalitet/", workbench.report_flags, name="report_flags"),
    path("api/<int:year>/tackning/", api.CoverageView.as_view(), name="api_coverage"),
    path("api/<int:year>/indikatorer/", api.IndicatorsView.as_view(), name="api_indicators"),
    path("api/<int:year>/kvalitet/", api.FlagsView.as_view(), name="api_flags"),
    path("api/<int:year>/del/<slug:part>/", api.AggregateView.as_view(), name="api_aggregate"),
    path(
        "api/<int:year>/del/<slug:part>/effekter/",
        api.EffectsView.as_view(),
        name="api_effects",
    ),
    path(
        "api/<int:year>/del/<slug:part>/floden/",
        api.FlowchartsView.as_view(),
        name="api_flowcharts",
    ),
    # Any other path under api/ (a part that is not a slug, a year too large): 404 as problem
    # details, like the API's.
    re_path(r"^api/[\s\S]*$", not_found),
]
