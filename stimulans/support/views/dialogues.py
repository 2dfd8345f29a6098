from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from stimulans.accounts.decorators import role_required
from stimulans.organisations.models import County

from ..forms import DialogueForm
from ..models import Dialogue
from ..permissions import NATIONAL, reads_dialogue_notes
from .common import NEED_WRITERS, selected_year


@role_required(*NEED_WRITERS)
def dialogue_list(request):
    """The dialogues of a year and which of the 21 counties have had one, and when."""
    year = selected_year(request)
    dialogues = list(
        Dialogue.objects.visible_to(request.user)
        .filter(date__year=year)
        .select_related("county", "interest_organisation")
        .order_by("date", "pk")
    )
    counties = County.objects.all()
    if not request.user.reads_everything:
        counties = counties.filter(pk=request.user.county_id)
    dates: dict[int, list] = {}
    for d in dialogues:
        if d.county_id:
            dates.setdefault(d.county_id, []).append(d)
    overview = [(c, dates.get(c.pk, [])) for c in counties]
    return render(
        request,
        "support/dialogue_list.html",
        {
            "year": year,
            "dialogues": dialogues,
            "overview": overview,
            "with_dialogue": sum(1 for _c, ds in overview if ds),
            "can_edit": request.user.reads_everything,
        },
    )


def _dialogue_for(request, pk):
    return get_object_or_404(Dialogue.objects.visible_to(request.user), pk=pk)


@role_required(*NEED_WRITERS)
def dialogue_detail(request, pk):
    dialogue = _dialogue_for(request, pk)
    return render(
        request,
        "support/dialogue_detail.html",
        {
            "dialogue": dialogue,
            "participants": dialogue.participants.all(),
            "needs": dialogue.needs.select_related("theme", "part", "organisation"),
            "show_notes": reads_dialogue_notes(request.user),
            "history": dialogue.history.select_related("history_user")[:20]
            if reads_dialogue_notes(request.user)
            else [],
            "can_edit": request.user.reads_everything,
        },
    )


@role_required(*NATIONAL)
def dialogue_edit(request, pk=None):
    dialogue = get_object_or_404(Dialogue, pk=pk) if pk is not None else None
    form = DialogueForm(request.POST or None, instance=dialogue)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if dialogue is None:
                form.instance.created_by = request.user
            saved = form.save()
        return redirect("support:dialogue_detail", saved.pk)
    return render(request, "support/dialogue_form.html", {"form": form, "dialogue": dialogue})
