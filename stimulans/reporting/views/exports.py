"""Downloads of a pot's reports (Excel workbook, or one CSV per table).

Who may download: analysts and national administrators every report; a county coordinator the
reports of the organisations in their county; reporters nothing (403)."""

from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.funds.models import Agreement, Pot

from .. import exports
from ..models import Report

EXPORT_ROLES = (Role.ANALYST, Role.NATIONAL_ADMIN, Role.COUNTY_COORDINATOR)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def exportable_reports(user):
    """The reports `user` may export."""
    if user.reads_everything:
        return Report.objects.all()
    if user.role == Role.COUNTY_COORDINATOR and user.county_id is not None:
        return Report.objects.filter(organisation__county_id=user.county_id)
    return Report.objects.none()


def _pot(pot_id):
    return get_object_or_404(Pot.objects.select_related("part__agreement"), pk=pot_id)


def _filename(pot, suffix):
    return f"redovisningar-{pot.part.agreement.year}-{pot.part.slug}-{pot.recipient_kind}{suffix}"


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@role_required(*EXPORT_ROLES)
def export_list(request):
    reports = exportable_reports(request.user)
    agreements = []
    for agreement in Agreement.objects.all():
        pots = (
            Pot.objects.filter(part__agreement=agreement)
            .select_related("part")
            .annotate(
                report_count=Count("reports", filter=Q(reports__in=reports), distinct=True),
                measure_count=Count("measures", distinct=True),
            )
            .order_by("part__order", "recipient_kind")
        )
        agreements.append((agreement, pots))
    return render(request, "reporting/export_list.html", {"agreements": agreements})


@role_required(*EXPORT_ROLES)
def export_xlsx(request, pot_id):
    pot = _pot(pot_id)
    content = exports.export_xlsx(pot, exportable_reports(request.user))
    return _download(content, XLSX_TYPE, _filename(pot, ".xlsx"))


@role_required(*EXPORT_ROLES)
def export_csv(request, pot_id, sheet):
    pot = _pot(pot_id)
    if sheet not in exports.sheets_for(pot):
        raise Http404
    content = exports.export_csv(pot, sheet, exportable_reports(request.user))
    return _download(content, "text/csv; charset=utf-8", _filename(pot, f"-{sheet}.csv"))
