"""Coding one initiative: the reporter's text, the codebook beside it, the suggestion, the
coder's form (saved with htmx without leaving the page, or by a normal post that goes on to the
next initiative), previous / next within the current filter and queue, blind for a second
coder, and the adjudication of a disagreement."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from stimulans.accounts.decorators import role_required
from stimulans.accounts.permissions import can_lead_coding, require
from stimulans.analysis.models import InitiativeCoding

from ..codebooks import codebook_for, entries_by_dimension
from ..codings import adjudicate, codes_of, is_blind, is_second_coder, save_code
from ..forms import CodeForm, NoteForm
from ..models import CODEBOOK_DIMENSIONS, CoderCode, CoderRole, Dimension, Suggestion
from ..notes import history, note_of
from ..queue import carried, filtered_rows, neighbours
from .common import CODERS, get_initiative, get_part


def _initial(initiative, coding, own, suggestion):
    """What the form starts from: the coder's own code, else the final coding (not for a blind
    second coder: `coding` is None then), else the suggestion, else the reporter's answers."""
    source = own or coding
    if source is not None:
        return {
            f: getattr(source, f)
            for f in (
                "category",
                "effect_level",
                "effect_measured",
                "link_quality",
                "phase",
                "within_agreement",
            )
        }, False
    if suggestion is not None:
        return {
            "category": suggestion.category,
            "effect_level": suggestion.effect_level,
            "link_quality": suggestion.link_quality,
            "from_suggestion": True,
        }, True
    return {
        "category": initiative.category,
        "effect_level": initiative.effect_level,
        "effect_measured": initiative.effect_measured,
    }, False


def _url(name, part, pk, params):
    url = reverse(name, args=[part.agreement.year, part.slug, pk])
    return f"{url}?{params}" if params else url


@role_required(*CODERS)
def code(request, year, part, pk):
    part = get_part(year, part)
    initiative = get_initiative(part, pk)
    params = carried(request.GET)
    query = params.urlencode()
    blind = is_blind(initiative, request.user)
    second = is_second_coder(initiative, request.user)
    role = CoderRole.SECOND if second else CoderRole.FIRST
    own = CoderCode.objects.filter(initiative=initiative, coder=request.user, role=role).first()
    coding = InitiativeCoding.objects.filter(initiative=initiative).first()
    if blind and (second or own is None):
        coding = None
    suggestion = (
        Suggestion.objects.filter(initiative=initiative).select_related("model", "category").first()
    )
    _form, rows = filtered_rows(part, params, request.user)
    previous_id, next_id, position = neighbours(rows, initiative)
    status = 200
    if request.method == "POST":
        if request.POST.get("adjudicate"):
            require(can_lead_coding(request.user))
        form = CodeForm(request.POST, initiative=initiative)
        if form.is_valid():
            values = form.values()
            if request.POST.get("adjudicate") and not blind:
                adjudicate(initiative, request.user, values)
                messages.success(request, _("Koden är avgjord och är nu den slutliga kodningen."))
            else:
                accepted = (
                    form.cleaned_data["from_suggestion"]
                    and suggestion is not None
                    and _same(values, suggestion)
                )
                own = save_code(initiative, request.user, values, from_suggestion=accepted)
                messages.success(request, _("Kodningen är sparad."))
            if request.htmx:
                form = CodeForm(
                    initial=_initial(initiative, None, own, None)[0], initiative=initiative
                )
            elif next_id and not request.POST.get("stay"):
                return redirect(_url("coding:code", part, next_id, query))
            else:
                return redirect(_url("coding:code", part, initiative.pk, query))
        else:
            status = 400
    else:
        initial, _from_suggestion = _initial(initiative, coding, own, suggestion)
        form = CodeForm(initial=initial, initiative=initiative)
    book = codebook_for(part)
    grouped = entries_by_dimension(book)
    context = {
        **(note_context(initiative, blind) if request.method == "GET" or not request.htmx else {}),
        "part": part,
        "agreement": part.agreement,
        "initiative": initiative,
        "form": form,
        "blind": blind,
        "second": second,
        "own": own,
        "coding": coding,
        "suggestion": suggestion,
        "codebook": book,
        "codebook_sections": [(Dimension(d).label, grouped[d]) for d in CODEBOOK_DIMENSIONS],
        "outdated": own is not None
        and own.codebook_version is not None
        and own.codebook_version < book.version,
        "codes": [] if blind else codes_of(initiative),
        "adjudicates": can_lead_coding(request.user),
        "previous_url": _url("coding:code", part, previous_id, query) if previous_id else "",
        "next_url": _url("coding:code", part, next_id, query) if next_id else "",
        "queue_url": reverse("coding:queue", args=[part.agreement.year, part.slug])
        + (f"?{query}" if query else ""),
        "position": position,
        "count": len(rows),
        "query": query,
    }
    template = (
        "coding/_code_form.html"
        if request.htmx and request.method == "POST"
        else "coding/code.html"
    )
    return render(request, template, context, status=status)


def note_context(initiative, blind, form=None, conflict=None):
    """The note section's context: nothing to show while the coding is blind (the note may
    tell the other coder's reasoning)."""
    if blind:
        return {"note_hidden": True}
    note = note_of(initiative)
    return {
        "note": note,
        "note_form": form or NoteForm(initial={"body": note.body, "version": note.version}),
        "note_conflict": conflict,
        "note_history": history(note),
    }


def _same(values, suggestion):
    return (
        values.get("category") == suggestion.category
        and (values.get("effect_level") or "") == suggestion.effect_level
        and (values.get("link_quality") or "") == suggestion.link_quality
    )
