from django.urls import path

from .views import exports, studies, work_plan

app_name = "evaluation"

urlpatterns = [
    path("studier/", studies.study_list, name="studies"),
    path("studier.xlsx", exports.studies_export, name="studies_export"),
    path("studier/<int:pk>/", studies.study_detail, name="study_detail"),
    path("studier/<int:pk>/urval/", studies.sample_draw, name="sample_draw"),
    path("studier/<int:pk>/enheter/", studies.unit_add, name="unit_add"),
    path("enheter/<int:pk>/", studies.unit_detail, name="unit_detail"),
    path("arbetsplan/", work_plan.work_plan, name="work_plan"),
    path("arbetsplan.xlsx", exports.work_plan_export, name="work_plan_export"),
    path("arbetsplan/ny/", work_plan.activity_edit, name="activity_create"),
    path("arbetsplan/<int:pk>/", work_plan.activity_edit, name="activity_edit"),
]
