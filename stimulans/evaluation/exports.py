"""Excel workbooks of the evaluation: the studies with their sampled units and the units'
events and findings (a sheet each), and the agencies' work plan. Headers are the models'
field names; text goes through `lib.cells` (stored as text, never a formula)."""

import io

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook

from stimulans.lib import cells

from .models import EvaluationStudy, SampledUnit, UnitEvent, WorkPlanActivity


def _label(model, name):
    return str(capfirst(model._meta.get_field(name).verbose_name))


def _save(workbook):
    buf = io.BytesIO()
    workbook.save(buf)
    return buf.getvalue()


def _sheet(workbook, title, header, rows, first=False, formats=()):
    """A sheet of `rows`; numbers get their column's format in `formats` ({index: format})."""
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = cells.sheet_title(title)
    cells.append_row(sheet, header)
    for row in rows:
        cells.append_row(sheet, row, formats)
    sheet.freeze_panes = "A2"
    return sheet


def studies_xlsx(studies):
    """The studies (one row each), their sampled units and the units' events, in three
    sheets; the units and events name their study by title."""
    studies = list(studies.prefetch_related("parts"))
    workbook = Workbook()
    study_fields = ["title", "question", "agency", "method", "unit_kind", "start_year"]
    study_fields += ["end_year", "seed", "sample_size"]
    header = [_label(EvaluationStudy, f) for f in study_fields]
    header.insert(3, _label(EvaluationStudy, "parts"))
    rows = []
    for s in studies:
        row = [
            s.title,
            s.question,
            s.get_agency_display(),
            ", ".join(p.title for p in s.parts.all()),
            s.method,
            s.get_unit_kind_display(),
            s.start_year,
            s.end_year,
            s.seed,
            s.sample_size,
        ]
        rows.append(row)
    # Years and the seed without groups (2021, not 2 021), the sample size as a count.
    formats = {6: cells.PLAIN, 7: cells.PLAIN, 8: cells.PLAIN, 9: cells.WHOLE}
    plural = capfirst(EvaluationStudy._meta.verbose_name_plural)
    _sheet(workbook, plural, header, rows, first=True, formats=formats)
    units = SampledUnit.objects.filter(study__in=studies).select_related(
        "study", "organisation", "initiative__report__organisation"
    )
    header = [_("Studie"), _("Organisation"), _("Insats"), _label(SampledUnit, "drawn")]
    rows = [
        [
            u.study.title,
            (u.organisation or u.initiative.report.organisation).name,
            str(u.initiative) if u.initiative_id else "",
            _("Ja") if u.drawn else _("Nej"),
        ]
        for u in units.order_by("study__title", "pk")
    ]
    _sheet(workbook, capfirst(SampledUnit._meta.verbose_name_plural), header, rows)
    events = UnitEvent.objects.filter(unit__study__in=studies).select_related(
        "unit__study", "unit__organisation", "unit__initiative", "initiative", "report__pot"
    )
    header = [_("Studie"), str(capfirst(SampledUnit._meta.verbose_name))]
    header += [_label(UnitEvent, f) for f in ("year", "kind", "text", "initiative", "report")]
    rows = [
        [
            e.unit.study.title,
            str(e.unit),
            e.year,
            e.get_kind_display(),
            e.text,
            str(e.initiative) if e.initiative_id else "",
            str(e.report) if e.report_id else "",
        ]
        for e in events.order_by("unit__study__title", "unit__pk", "year", "pk")
    ]
    plural = capfirst(UnitEvent._meta.verbose_name_plural)
    _sheet(workbook, plural, header, rows, formats={2: cells.PLAIN})
    return _save(workbook)


def work_plan_xlsx(activities):
    fields = ["duty", "title", "agency", "start", "end", "status"]
    header = [_label(WorkPlanActivity, f) for f in fields]
    rows = [
        [
            a.get_duty_display(),
            a.title,
            a.get_agency_display(),
            a.start,
            a.end,
            a.get_status_display(),
        ]
        for a in activities
    ]
    workbook = Workbook()
    _sheet(workbook, _("Arbetsplan"), header, rows, first=True)
    return _save(workbook)
