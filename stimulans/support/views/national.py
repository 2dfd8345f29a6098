from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from stimulans.accounts.decorators import role_required
from stimulans.funds.models import Agreement
from stimulans.lib.numbers import thousands

from .. import national
from ..report_needs import apply_suggestions, sync_report_needs
from .common import NATIONAL, selected_year


@role_required(*NATIONAL)
def national_view(request):
    """Needs per theme and part (the report's annex 11), per county and over the years."""
    years = list(Agreement.objects.order_by("-year").values_list("year", flat=True))
    year = selected_year(request)
    if year not in years and years:
        year = years[0]
    agreement = Agreement.objects.filter(year=year).first()
    return render(
        request,
        "support/national.html",
        {
            "year": year,
            "years": years,
            "by_part": national.needs_by_theme_and_part(agreement) if agreement else None,
            "by_county": national.needs_by_county(year),
            "over_years": national.needs_over_years(),
        },
    )


@role_required(*NATIONAL)
def refresh(request):
    """POST: the reports' support answers read again (idempotent) and, when asked, the
    uncoded report needs coded with their suggested themes."""
    if request.method != "POST":
        return redirect("support:national")
    created, removed = sync_report_needs()
    text = _("Redovisningarnas stödbehov lästes in: %(created)s nya, %(removed)s borttagna.") % {
        "created": thousands(created),
        "removed": thousands(removed),
    }
    if request.POST.get("suggestions"):
        coded = apply_suggestions(request.user)
        text += " " + _("%(n)s kodades med föreslaget tema.") % {"n": thousands(coded)}
    messages.success(request, text)
    return redirect("support:national")
