from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import EvaluationStudy, WorkPlanActivity


@admin.register(EvaluationStudy)
class EvaluationStudyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "agency", "start_year", "end_year"]


@admin.register(WorkPlanActivity)
class WorkPlanActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "duty", "agency", "start", "end", "status"]
