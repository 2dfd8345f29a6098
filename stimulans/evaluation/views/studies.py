from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from stimulans.accounts.decorators import role_required
from stimulans.support.permissions import NATIONAL

from ..forms import DrawForm, EventForm, HandPickForm, StudyForm
from ..models import EvaluationStudy, SampledUnit
from ..sampling import SamplingError, draw_sample


@role_required(*NATIONAL)
def study_list(request):
    form = StudyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        study = form.save()
        return redirect("evaluation:study_detail", study.pk)
    studies = EvaluationStudy.objects.prefetch_related("parts", "units")
    return render(request, "evaluation/study_list.html", {"studies": studies, "form": form})


def _units_by_year(study):
    """[(unit, [[events of a year] per year of the study])]."""
    years = list(range(study.start_year, study.end_year + 1))
    rows = []
    for unit in study.units.select_related("organisation", "initiative__report__organisation"):
        events = list(unit.events.all())
        rows.append((unit, [[e for e in events if e.year == y] for y in years]))
    return years, rows


@role_required(*NATIONAL)
def study_detail(request, pk):
    study = get_object_or_404(EvaluationStudy, pk=pk)
    years, rows = _units_by_year(study)
    return render(
        request,
        "evaluation/study_detail.html",
        {
            "study": study,
            "years": years,
            "rows": rows,
            "draw_form": DrawForm(initial={"size": study.sample_size, "seed": study.seed}),
            "pick_form": HandPickForm(),
        },
    )


@role_required(*NATIONAL)
def sample_draw(request, pk):
    study = get_object_or_404(EvaluationStudy, pk=pk)
    if request.method != "POST":
        return redirect("evaluation:study_detail", pk)
    form = DrawForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("evaluation:study_detail", pk)
    try:
        units = draw_sample(study, form.cleaned_data["size"], form.cleaned_data["seed"])
    except SamplingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Urvalet drogs: %(n)s enheter.") % {"n": len(units)})
    return redirect("evaluation:study_detail", pk)


@role_required(*NATIONAL)
def unit_add(request, pk):
    study = get_object_or_404(EvaluationStudy, pk=pk)
    if request.method != "POST":
        return redirect("evaluation:study_detail", pk)
    form = HandPickForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                SampledUnit.objects.create(
                    study=study,
                    organisation=form.cleaned_data["organisation"],
                    initiative=form.cleaned_data["initiative"],
                )
        except IntegrityError:
            messages.error(request, _("Enheten finns redan i urvalet."))
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("evaluation:study_detail", pk)


@role_required(*NATIONAL)
def unit_detail(request, pk):
    """A sampled unit over time: its events and findings, and a form for the next one."""
    unit = get_object_or_404(
        SampledUnit.objects.select_related("study", "organisation", "initiative__report"), pk=pk
    )
    form = EventForm(request.POST or None, unit=unit, initial={"year": unit.study.start_year})
    if request.method == "POST" and form.is_valid():
        form.instance.unit = unit
        form.save()
        return redirect("evaluation:unit_detail", pk)
    events = unit.events.select_related("initiative", "report__pot__part")
    return render(
        request, "evaluation/unit_detail.html", {"unit": unit, "events": events, "form": form}
    )
