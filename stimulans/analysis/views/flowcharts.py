"""The flowcharts of a part (an index of its categories, one page per category) and the
analysts' page to merge and rename the grouped texts of a category."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from stimulans.accounts.decorators import role_required
from stimulans.funds.models import Agreement, AgreementPart, Category

from ..flowchart_svg import category_flowchart_svg, quality_labels
from ..flowcharts import flowcharts
from ..models import TextGroupOverride, TextKind
from ..text_groups import TextGroupError, category_groupings, merge_groups, undo_group
from .access import ANALYSTS, county_param, scope_or_refuse


def _part(year, slug):
    agreement = get_object_or_404(Agreement, year=year)
    return agreement, get_object_or_404(AgreementPart, agreement=agreement, slug=slug)


def part_flowcharts(request, year, part):
    """Every category of the part with its actors, initiatives and coded link quality."""
    agreement, part = _part(year, part)
    county = county_param(request)
    scope, refused = scope_or_refuse(request, agreement, county)
    if refused:
        return refused
    return render(
        request,
        "analysis/flowcharts.html",
        {
            "agreement": agreement,
            "part": part,
            "county": county,
            "own_counties_only": county is None and not scope.everything,
            "data": flowcharts(part, scope.detail(county), kinds=()),
            "qualities": quality_labels(),
        },
    )


def category_flowchart(request, year, part, category):
    """One category's flowchart: grouped activities, goals, outputs and effects, and the aims."""
    agreement, part = _part(year, part)
    county = county_param(request)
    scope, refused = scope_or_refuse(request, agreement, county)
    if refused:
        return refused
    category = get_object_or_404(
        Category.objects.select_related("pot"), pk=category, pot__part=part
    )
    data = flowcharts(part, scope.detail(county), category=category)
    chart = data["pots"][0]["categories"][0]
    labels = {g["id"]: g["label"] for col in chart["columns"] for g in col["groups"]}
    labels["aims"] = _("Inriktning")
    qualities = quality_labels()
    links = [
        {**link, "from_label": labels[link["from"]], "to_label": labels[link["to"]]}
        for link in chart["links"]
    ]
    return render(
        request,
        "analysis/category_flowchart.html",
        {
            "agreement": agreement,
            "part": part,
            "category": category,
            "county": county,
            "own_counties_only": county is None and not scope.everything,
            "chart": chart,
            "links": links,
            "qualities": [(qualities[q], n) for q, n in chart["link_quality"].items()],
            "quality_labels": qualities,
            "svg": mark_safe(category_flowchart_svg(chart)),  # noqa: S308
            "is_analyst": request.user.is_authenticated and request.user.reads_everything,
        },
    )


@role_required(*ANALYSTS)
def text_groups(request, year, part, category):
    """The category's groups of each box, to merge (several marked) or rename (one marked)."""
    agreement, part = _part(year, part)
    category = get_object_or_404(
        Category.objects.select_related("pot"), pk=category, pot__part=part
    )
    if request.method == "POST":
        try:
            if request.POST.get("action") == "undo":
                undo_group(category, request.POST.get("override"), request.user)
                messages.success(request, _("Gruppen är upplöst."))
            else:
                kind = request.POST.get("kind", "")
                merge_groups(
                    category,
                    kind,
                    request.POST.getlist("grupp"),
                    request.POST.get("label", ""),
                    request.user,
                )
                messages.success(request, _("Grupperna är sparade."))
        except TextGroupError as exc:
            messages.error(request, str(exc))
        return redirect(
            "analysis:text_groups", year=agreement.year, part=part.slug, category=category.pk
        )
    overrides = {
        o.pk: o
        for o in TextGroupOverride.objects.filter(category=category).select_related("changed_by")
    }
    groupings = category_groupings(category)
    sections = [
        {
            "kind": kind,
            "title": TextKind(kind).label,
            "groups": [
                {"group": g, "override": overrides.get(g.override_id)}
                for g in groupings[kind].groups
            ],
        }
        for kind in TextKind.values
    ]
    history = (
        TextGroupOverride.history.filter(category_id=category.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:30]
    )
    return render(
        request,
        "analysis/text_groups.html",
        {
            "agreement": agreement,
            "part": part,
            "category": category,
            "sections": sections,
            "history": history,
        },
    )
