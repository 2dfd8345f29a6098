"""The national administrator's pages for periods of several years: the list with each year's
stated amount beside the year's agreement, a new period, editing and removing one."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.lib.confirm import confirmation, confirmed

from .models import Period
from .periods import PeriodForm, period_years


def _form(request, form, heading, period=None):
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                saved = form.save()
            messages.success(request, _("”%(name)s” är sparad.") % {"name": saved})
            return redirect("funds:period_list")
        status = 400
    else:
        status = 200
    return render(
        request,
        "funds/period_form.html",
        {"form": form, "heading": heading, "period": period},
        status=status,
    )


@role_required(Role.NATIONAL_ADMIN)
def period_list(request):
    periods = [{"period": p, "years": period_years(p)} for p in Period.objects.all()]
    return render(request, "funds/period_list.html", {"periods": periods})


@role_required(Role.NATIONAL_ADMIN)
def period_add(request):
    return _form(request, PeriodForm(request.POST or None), _("Ny period"))


@role_required(Role.NATIONAL_ADMIN)
def period_edit(request, pk):
    period = get_object_or_404(Period, pk=pk)
    form = PeriodForm(request.POST or None, instance=period)
    return _form(request, form, _("Redigera perioden"), period)


@role_required(Role.NATIONAL_ADMIN)
@require_POST
def period_remove(request, pk):
    period = get_object_or_404(Period, pk=pk)
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Ta bort perioden ”%(name)s”?") % {"name": period},
            lines=[_("Åren och överenskommelserna finns kvar; bara perioden tas bort.")],
            confirm_label=_("Ta bort"),
            cancel_url=reverse("funds:period_list"),
        )
    period.delete()
    messages.success(request, _("”%(name)s” är borttagen.") % {"name": period})
    return redirect("funds:period_list")
