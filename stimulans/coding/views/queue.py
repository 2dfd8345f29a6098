"""The day's coding list of a part: the initiatives in the filters and the chosen queue, the
progress (coded / total), the suggestions beside, and the bulk acceptance of the suggestions of
the initiatives ticked."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.reporting.models import Initiative

from ..codings import save_code
from ..models import Suggestion
from ..queue import QUEUES, carried, filtered, part_initiatives, progress
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
            "queues": [(key, label, key == params.get("ko", "")) for key, label in QUEUES.items()],
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
    """The ticked initiatives' suggestions become the analyst's codes (recorded as accepted
    suggestions); initiatives without a suggestion are left."""
    part = get_part(year, part)
    ids = [int(v) for v in request.POST.getlist("insats") if v.isdigit()]
    initiatives = part_initiatives(part).filter(pk__in=ids).select_related("report__pot__part")
    suggestions = {
        s.initiative_id: s
        for s in Suggestion.objects.filter(initiative__in=initiatives).select_related("category")
    }
    accepted = 0
    for initiative in initiatives:
        suggestion = suggestions.get(initiative.pk)
        if suggestion is None:
            continue
        save_code(
            initiative,
            request.user,
            {
                "category": suggestion.category,
                "effect_level": suggestion.effect_level,
                "link_quality": suggestion.link_quality,
            },
            from_suggestion=True,
        )
        accepted += 1
    messages.success(request, _("%(n)d förslag godtagna.") % {"n": accepted})
    url = reverse("coding:queue", args=[part.agreement.year, part.slug])
    query = carried(request.POST).urlencode()
    return redirect(f"{url}?{query}" if query else url)


@role_required(*CODERS)
@require_POST
def make_suggestions(request, year, part):
    """Train (or reuse) the part's model and suggest the initiatives without a final coding."""
    from ..suggestions import suggest

    part = get_part(year, part)
    made = suggest(part)
    messages.success(request, _("%(n)d förslag gjorda.") % {"n": len(made)})
    return redirect(reverse("coding:queue", args=[part.agreement.year, part.slug]) + "?ko=forslag")
