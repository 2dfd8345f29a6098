"""The day's coding list of a part: the initiatives in the filters and the chosen queue, the
progress (coded / total), the suggestions beside, and the bulk acceptance of the suggestions of
the initiatives ticked or of every obvious case in the list."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.lib.confirm import confirmation, confirmed
from stimulans.reporting.models import Initiative

from ..codings import accept_suggestions as accept_suggestions_of
from ..codings import acceptable
from ..models import Suggestion
from ..queue import CARRIED, QUEUES, carried, filtered, part_initiatives, progress
from .common import CODERS, get_part


@role_required(*CODERS)
def queue(request, year, part):
    part = get_part(year, part)
    params = carried(request.GET)
    form, ids = filtered(part, params, request.user)
    page = Paginator(ids, 50).get_page(request.GET.get("sida"))
    rows = {
        i.pk: i
        for i in Initiative.objects.filter(pk__in=list(page.object_list)).select_related(
            "report__organisation", "coding__category"
        )
    }
    suggestions = {
        s.initiative_id: s
        for s in Suggestion.objects.filter(initiative__in=list(page.object_list)).select_related(
            "category"
        )
    }
    coded, total = progress(part)
    query = params.urlencode()
    return render(
        request,
        "coding/queue.html",
        {
            "part": part,
            "agreement": part.agreement,
            "form": form,
            "queues": [
                (_queue_query(params, key), label, key == params.get("ko", ""))
                for key, label in QUEUES.items()
            ],
            "carried": [(k, v) for k in params for v in params.getlist(k)],
            "page": page,
            "rows": [(rows[pk], suggestions.get(pk)) for pk in page.object_list if pk in rows],
            "count": len(ids),
            "coded": coded,
            "total": total,
            "query": query,
        },
    )


@role_required(*CODERS)
@require_POST
def accept_suggestions(request, year, part):
    """The suggestions of the ticked initiatives, or (`sakerhet`, a percentage) of every
    initiative in the list's filters whose suggestion is that confident, become the analyst's
    codes (recorded as accepted suggestions). Initiatives already coded, or without a
    suggestion, are left. The whole list asks first, naming how many."""
    part = get_part(year, part)
    params = carried(request.POST)
    query = params.urlencode()
    url = reverse("coding:queue", args=[part.agreement.year, part.slug])
    back = f"{url}?{query}" if query else url
    threshold = _threshold(request.POST.get("sakerhet"))
    if "sakerhet" in request.POST:
        if threshold is None:
            messages.error(request, _("Ange en säkerhet mellan 50 och 100 procent."))
            return redirect(back)
        _form, ids = filtered(part, params, request.user)
        pairs = acceptable(part_initiatives(part).filter(pk__in=ids), threshold)
        if not confirmed(request):
            return confirmation(
                request,
                title=_("Godta säkra förslag"),
                lines=[
                    _(
                        "%(n)d insatser i listan saknar kodning och har ett förslag med minst "
                        "%(p)s säkerhet i varje dimension. Förslagen blir dina koder; du kan "
                        "ändra dem efteråt."
                    )
                    % {"n": len(pairs), "p": f"{round(threshold * 100)}\u00a0%"}
                ],
                confirm_label=_("Godta förslagen"),
                cancel_url=back,
                keep=["sakerhet", *CARRIED],
            )
    else:
        ids = [int(v) for v in request.POST.getlist("insats") if v.isdigit()]
        pairs = acceptable(part_initiatives(part).filter(pk__in=ids))
    accepted = accept_suggestions_of(pairs, request.user)
    messages.success(request, _("%(n)d förslag godtagna.") % {"n": accepted})
    return redirect(back)


def _queue_query(params, key):
    """The query of another queue: the same filters (switching queues keeps them)."""
    other = params.copy()
    other["ko"] = key
    return other.urlencode()


def _threshold(value):
    """A percentage 50–100 as 0.5–1, else None."""
    try:
        percent = int(value or "")
    except ValueError:
        return None
    return percent / 100 if 50 <= percent <= 100 else None


@role_required(*CODERS)
@require_POST
def make_suggestions(request, year, part):
    """Train (or reuse) the part's model and suggest the initiatives without a final coding."""
    from ..suggestions import suggest

    part = get_part(year, part)
    made = suggest(part)
    messages.success(request, _("%(n)d förslag gjorda.") % {"n": len(made)})
    return redirect(reverse("coding:queue", args=[part.agreement.year, part.slug]) + "?ko=forslag")
