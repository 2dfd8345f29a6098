"""Publishing the year's status report (analysts), with a confirmation first: each publication
is a new frozen version (`snapshot.publish`), with the analyst's note on what changed."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.funds.models import Agreement
from stimulans.lib.confirm import confirmation, confirmed
from stimulans.reporting.services import completeness_totals

from .. import snapshot
from ..tasks import start_published_report
from .access import ANALYSTS


@role_required(*ANALYSTS)
@require_POST
def publish(request, year):
    """Publish a new version of the year's status report, or unpublish it (its versions stay
    recorded); publishing asks first."""
    agreement = get_object_or_404(Agreement, year=year)
    note = request.POST.get("note", "")
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
                    "godkända. Siffrorna, tabellerna och texterna sparas som de är nu: "
                    "redovisningar som kommer in eller ändras senare syns först i nästa version."
                )
                % {"done": done, "expected": expected},
                *(
                    [_("Vad som har ändrats: %(note)s") % {"note": note.strip()}]
                    if note.strip()
                    else []
                ),
            ],
            confirm_label=_("Publicera lägesrapporten"),
            cancel_url=reverse("analysis:year_report", args=[year]),
            keep=["published", "note"],
        )
    if request.POST.get("published") == "1":
        version = snapshot.publish(agreement, request.user, note)
        start_published_report(request.user, agreement)
        messages.success(
            request,
            _("Lägesrapporten %(year)s är publicerad som version %(number)d.")
            % {"year": year, "number": version.number},
        )
    else:
        snapshot.unpublish(agreement, request.user)
        messages.success(
            request, _("Lägesrapporten %(year)s är inte längre publik.") % {"year": year}
        )
    return redirect("analysis:year_report", year=year)
