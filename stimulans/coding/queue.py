"""The coding queue of a part: the initiatives in the workbench's filters (its filter form and
`analysis.search` for the free text), narrowed to a queue, in a fixed order, so that the coding
page can step to the next and previous initiative of the same list."""

from bisect import bisect_left

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


# The workbench's order (`analysis.search.workbench_initiatives`), the initiative's id last.
ORDER = ("report__organisation__kind", "report__organisation__code", "order", "pk")


def filtered(part, params, user):
    """(form, [initiative ids]) of the filters and queue in `params`."""
    form, rows = filtered_rows(part, params, user)
    return form, [row[-1] for row in rows]


def filtered_rows(part, params, user):
    """(form, [(kind, code, order, id)]) of the filters and queue in `params`: the workbench's
    own query (`analysis.search.workbench_initiatives`, the database search included), narrowed
    to the queue, in its order."""
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
    return form, list(qs.values_list(*ORDER))


def order_key(initiative):
    organisation = initiative.report.organisation
    return (organisation.kind, organisation.code, initiative.order, initiative.pk)


def neighbours(rows, initiative):
    """(previous id, next id, position from 1) of the initiative in `rows` (`filtered_rows`).
    An initiative that has left the list (coded in the queue of the not yet coded) keeps its
    place: the previous and next are those around where it was, its position None."""
    key = order_key(initiative)
    i = bisect_left(rows, key)
    if i < len(rows) and rows[i] == key:
        after, position = i + 1, i + 1
    else:
        after, position = i, None
    previous = rows[i - 1][-1] if i else None
    following = rows[after][-1] if after < len(rows) else None
    return previous, following, position


def progress(part):
    """(coded, total) of the part's counted initiatives."""
    qs = part_initiatives(part)
    return qs.filter(coding__isnull=False).count(), qs.count()
