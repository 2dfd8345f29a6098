"""Publishing the year's status report (analysts), with a confirmation first."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.funds.models import Agreement
from stimulans.lib.confirm import confirmation, confirmed
from stimulans.reporting.services import completeness_totals

from ..models import StatusReport
from .access import ANALYSTS


@role_required(*ANALYSTS)
@require_POST
def publish(request, year):
    """Publish or unpublish the year's status report; publishing asks first."""
    agreement = get_object_or_404(Agreement, year=year)
    if request.POST.get("published") == "1" and not confirmed(request):
        expected, done = completeness_totals(agreement)
        warnings = []
        if done < expected:
            warnings.append(
                _("%(missing)d av %(expected)d förväntade redovisningar saknas ännu.")
                % {"missing": expected - done, "expected": expected}
            )
        return confirmation(
            request,
            title=_("Publicera lägesrapporten %(year)s?") % {"year": year},
            warnings=warnings,
            lines=[
                _(
                    "Lägesrapporten %(year)s med dess tabeller, diagram och nedladdningar blir "
                    "öppen för alla, även utan inloggning."
                )
                % {"year": year},
                _(
                    "%(done)d av %(expected)d förväntade redovisningar är inskickade eller "
                    "godkända. Siffrorna räknas fram ur dem och ändras även efter publiceringen "
                    "om fler redovisningar kommer in eller en redovisning skickas tillbaka."
                )
                % {"done": done, "expected": expected},
            ],
            confirm_label=_("Publicera lägesrapporten"),
            cancel_url=reverse("analysis:year_report", args=[year]),
            keep=["published"],
        )
    status_report, _created = StatusReport.objects.get_or_create(agreement=agreement)
    status_report.published = request.POST.get("published") == "1"
    status_report.published_at = timezone.now() if status_report.published else None
    status_report.published_by = request.user if status_report.published else None
    status_report._history_user = request.user
    status_report.save()
    if status_report.published:
        messages.success(request, _("Lägesrapporten %(year)s är publicerad.") % {"year": year})
    else:
        messages.success(
            request, _("Lägesrapporten %(year)s är inte längre publik.") % {"year": year}
        )
    return redirect("analysis:year_report", year=year)
