"""The national administrator starts next year: the agreement of a year copied, questionnaires
included, as a new year's (`agreement_copy.copy_agreement`, as `stimulans copy-agreement`)."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.funds.copying import MAX_YEAR, MIN_YEAR
from stimulans.funds.models import Agreement

from ..agreement_copy import CopyError, copy_agreement


class CopyAgreementForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Nytt år"), min_value=MIN_YEAR, max_value=MAX_YEAR)


@role_required(Role.NATIONAL_ADMIN)
def copy_agreement_page(request: HttpRequest, year: int) -> HttpResponse:
    source = get_object_or_404(Agreement, year=year)
    form = CopyAgreementForm(request.POST or None, initial={"year": year + 1})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                result = copy_agreement(year, form.cleaned_data["year"], user=request.user)
            except CopyError as exc:
                form.add_error("year", str(exc))
            else:
                messages.success(
                    request,
                    _(
                        "Överenskommelsen %(year)s är skapad från %(source)s. Ändra belopp, "
                        "delar och kategorier, ladda upp årets enkäter och beräkna sedan "
                        "fördelningen."
                    )
                    % {"year": result.agreement.year, "source": year},
                )
                return redirect("funds:agreement_detail", year=result.agreement.year)
        status = 400
    return render(
        request, "reporting/copy_agreement.html", {"source": source, "form": form}, status=status
    )
