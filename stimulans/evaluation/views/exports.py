from django.http import HttpResponse

from stimulans.accounts.decorators import role_required
from stimulans.support.permissions import NATIONAL

from .. import exports
from ..models import EvaluationStudy, WorkPlanActivity

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content, name):
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@role_required(*NATIONAL)
def studies_export(request):
    """Every study with its sampled units and their events and findings."""
    studies = EvaluationStudy.objects.order_by("title", "pk")
    return _download(exports.studies_xlsx(studies), "utvarderingsstudier.xlsx")


@role_required(*NATIONAL)
def work_plan_export(request):
    return _download(exports.work_plan_xlsx(WorkPlanActivity.objects.all()), "arbetsplan.xlsx")
