"""The coding queue of a part: the initiatives in the workbench's filters (its filter form and
`analysis.search` for the free text), narrowed to a queue, in a fixed order, so that the coding
page can step to the next and previous initiative of the same list."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from stimulans.analysis.forms import WorkbenchFilterForm
from stimulans.analysis.search import workbench_initiatives
from stimulans.reporting.models import Initiative

from .models import CoderCode, CoderRole, DoubleCodingSample, Suggestion

QUEUES = {
    "": _("Alla"),
    "okodade": _("Inte kodade än"),
    "forslag": _("Föreslagna, att bekräfta"),
    "andra": _("Min andra kodning"),
}
# What the coding pages carry from page to page: the filters and the queue.
CARRIED = ["ko", "q", "lan", "kategori", "effektniva", "matt", "effekter", "fas", "medel"]


def carried(params):
    """The filter parameters of a query string, as a QueryDict copy without the others."""
    kept = params.copy()
    for key in list(kept):
        if key not in CARRIED:
            del kept[key]
    return kept


def part_initiatives(part):
    return Initiative.objects.counted().filter(report__pot__part=part)


def second_coding_ids(part, user):
    return DoubleCodingSample.objects.filter(part=part, second_coder=user).values("initiatives")


def filtered(part, params, user):
    """(form, [initiative ids]) of the filters and queue in `params`: the workbench's own query
    (`analysis.search.workbench_initiatives`, the database search included), narrowed to the
    queue."""
    form = WorkbenchFilterForm(params or None, part=part)
    qs = workbench_initiatives(part, form.cleaned_data if form.is_valid() else None)
    queue = params.get("ko", "")
    if queue == "okodade":
        qs = qs.filter(coding__isnull=True)
    elif queue == "forslag":
        qs = qs.filter(coding__isnull=True).filter(
            Exists(Suggestion.objects.filter(initiative=OuterRef("pk")))
        )
    elif queue == "andra":
        qs = qs.filter(pk__in=second_coding_ids(part, user)).exclude(
            Exists(
                CoderCode.objects.filter(
                    initiative=OuterRef("pk"), coder=user, role=CoderRole.SECOND
                )
            )
        )
    return form, list(qs.values_list("pk", flat=True))


def neighbours(ids, pk):
    """(previous id, next id, position from 1) of `pk` in the list; (None, None, None) if not in
    it."""
    try:
        i = ids.index(pk)
    except ValueError:
        return None, None, None
    return (ids[i - 1] if i else None), (ids[i + 1] if i + 1 < len(ids) else None), i + 1


def progress(part):
    """(coded, total) of the part's counted initiatives."""
    qs = part_initiatives(part)
    return qs.filter(coding__isnull=False).count(), qs.count()
