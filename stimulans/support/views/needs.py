from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.accounts.permissions import require
from stimulans.lib.text import year_param

from ..forms import CodingForm, NeedForm
from ..models import SupportNeed, SupportTheme
from ..permissions import NATIONAL, can_add_need_for_county, works_nationally
from ..report_needs import suggested_themes
from .common import NEED_WRITERS

ALL_ROLES = tuple(Role.values)


def visible_needs(request):
    """The needs `request.user` reads, filtered by `?ar=`, `?tema=` (a code, or `okodat`)
    and `?lan=`."""
    needs = SupportNeed.objects.visible_to(request.user).select_related(
        "county", "organisation", "part", "theme", "dialogue", "report"
    )
    year = year_param(request.GET.get("ar"))
    if year:
        needs = needs.filter(year=year)
    theme = request.GET.get("tema", "")
    if theme == "okodat":
        needs = needs.filter(theme__isnull=True)
    elif theme:
        needs = needs.filter(theme__code=theme)
    county = request.GET.get("lan", "")
    if county:
        needs = needs.filter(county__code=county)
    return needs, {"ar": year or "", "tema": theme, "lan": county}


@role_required(*ALL_ROLES)
def need_list(request):
    needs, selected = visible_needs(request)
    suggestions = suggested_themes()
    rows = [(n, suggestions.get(n.report_choice) if not n.theme_id else None) for n in needs]
    return render(
        request,
        "support/need_list.html",
        {
            "rows": rows,
            "selected": selected,
            "themes": SupportTheme.objects.filter(active=True),
            "can_add": request.user.role in NEED_WRITERS,
            "can_code": works_nationally(request.user),
            "export_query": request.GET.urlencode(),
        },
    )


@role_required(*NEED_WRITERS)
def need_create(request):
    form = NeedForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        require(can_add_need_for_county(request.user, form.cleaned_data["county"].pk))
        with transaction.atomic():
            form.instance.created_by = request.user
            if form.cleaned_data.get("theme"):
                form.instance.coded_by = request.user
            need = form.save()
        return redirect("support:need_detail", need.pk)
    return render(request, "support/need_form.html", {"form": form})


@role_required(*ALL_ROLES)
def need_detail(request, pk):
    need = get_object_or_404(SupportNeed.objects.visible_to(request.user), pk=pk)
    suggestion = suggested_themes().get(need.report_choice) if not need.theme_id else None
    form = CodingForm(
        instance=need, initial={"theme": suggestion.pk} if suggestion is not None else None
    )
    national = works_nationally(request.user)
    return render(
        request,
        "support/need_detail.html",
        {
            "need": need,
            "form": form if national else None,
            "suggestion": suggestion,
            "actions": need.actions.all(),
            "history": need.history.select_related("history_user", "theme")[:20],
        },
    )


@role_required(*NATIONAL)
def need_code(request, pk):
    """The analyst codes a need to a theme (POST)."""
    need = get_object_or_404(SupportNeed, pk=pk)
    if request.method != "POST":
        return redirect("support:need_detail", pk)
    form = CodingForm(request.POST, instance=need)
    if form.is_valid():
        form.instance.coded_by = request.user if form.cleaned_data["theme"] else None
        form.save()
        return redirect("support:need_detail", pk)
    return render(
        request,
        "support/need_detail.html",
        {"need": need, "form": form, "actions": need.actions.all(), "history": []},
        status=400,
    )
