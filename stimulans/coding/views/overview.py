"""A part's coding at a glance: progress, agreement per dimension with the confusion matrix and
the disagreements to adjudicate, the samples for a second coder, the suggestion model's
measured quality."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.accounts.permissions import can_lead_coding, require
from stimulans.reporting.models import Initiative

from ..forms import SampleForm
from ..measured import part_agreement
from ..models import Dimension, DoubleCodingSample
from ..queue import progress
from ..sampling import draw_sample
from ..suggestions import latest_model
from .common import CODERS, get_part


def _overview(request, part, sample_form, status=200):
    rows = part_agreement(part)
    disagreement_ids = sorted({pk for row in rows for pk in row["disagreements"]})
    initiatives = Initiative.objects.filter(pk__in=disagreement_ids).select_related(
        "report__organisation"
    )
    model = latest_model(part)
    coded, total = progress(part)
    return render(
        request,
        "coding/overview.html",
        {
            "part": part,
            "agreement": part.agreement,
            "rows": [{**row, "label": Dimension(row["dimension"]).label} for row in rows],
            "disagreements": initiatives,
            "samples": DoubleCodingSample.objects.filter(part=part).select_related("second_coder"),
            "sample_form": sample_form if can_lead_coding(request.user) else None,
            "model": model,
            "model_rows": [
                (Dimension(d).label, figures)
                for d, figures in (model.cross_validated.items() if model else [])
            ],
            "coded": coded,
            "total": total,
        },
        status=status,
    )


@role_required(*CODERS)
def overview(request, year, part):
    return _overview(request, get_part(year, part), SampleForm())


@role_required(*CODERS)
@require_POST
def sample(request, year, part):
    """Drawing a sample: national administrators and lead analysts only."""
    require(can_lead_coding(request.user))
    part = get_part(year, part)
    form = SampleForm(request.POST)
    if not form.is_valid():
        return _overview(request, part, form, status=400)
    f = form.cleaned_data
    drawn = draw_sample(
        part, f["seed"], f["second_coder"], request.user, share=f["share"], number=f["number"]
    )
    messages.success(
        request,
        _("%(n)d insatser dragna för andra kodning av %(coder)s.")
        % {"n": drawn.initiatives.count(), "coder": drawn.second_coder},
    )
    return redirect("coding:overview", part.agreement.year, part.slug)
