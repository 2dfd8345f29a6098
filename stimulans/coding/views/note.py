"""The analysts' note on an initiative's coding, written and edited from the coding page (htmx:
the note section is swapped; without JavaScript the post leads back to the coding page). An
edit based on a note saved since is refused (409) with both versions shown and the editor's
text kept in the form; saving that form replaces the saved note on purpose (both stay in the
history). Hidden, and refused, while the coding is blind."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.accounts.permissions import require

from ..codings import is_blind
from ..forms import NoteForm
from ..notes import StaleNote, save_note
from ..queue import carried
from .code import note_context
from .common import CODERS, get_initiative, get_part


@role_required(*CODERS)
@require_POST
def note(request, year, part, pk):
    part = get_part(year, part)
    initiative = get_initiative(part, pk)
    require(not is_blind(initiative, request.user))
    query = carried(request.GET).urlencode()
    back = reverse("coding:code", args=[part.agreement.year, part.slug, initiative.pk])
    back = f"{back}?{query}" if query else back
    form = NoteForm(request.POST)
    conflict, status, typed = None, 200, None
    if not form.is_valid():
        status = 400
    else:
        try:
            save_note(
                initiative, form.cleaned_data["body"], form.cleaned_data["version"], request.user
            )
        except StaleNote as exc:
            conflict = exc.current
            typed = form.cleaned_data["body"]
            form = NoteForm(initial={"body": typed, "version": conflict.version})
            status = 409
        else:
            if not request.htmx:
                messages.success(request, _("Anteckningen är sparad."))
                return redirect(back)
            form = None
    context = {
        "part": part,
        "agreement": part.agreement,
        "initiative": initiative,
        "query": query,
        "back": back,
        "note_saved": status == 200,
        "note_typed": typed,
        **note_context(initiative, False, form=form, conflict=conflict),
    }
    template = "coding/_note.html" if request.htmx else "coding/note.html"
    return render(request, template, context, status=status)
