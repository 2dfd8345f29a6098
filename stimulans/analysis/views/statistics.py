"""Official statistics for the indicators: the national administrator uploads a file (the same
import as `stimulans import-statistics`) and sees the series imported."""

from django.contrib import messages
from django.db.models import Count, Max, Min
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role

from ..forms import StatisticsUploadForm
from ..models import Indicator, IndicatorBasis, StatisticValue
from ..official_statistics import StatisticsImportError, import_statistics


@role_required(Role.NATIONAL_ADMIN)
def statistics(request):
    form = StatisticsUploadForm()
    status = 200
    errors = []
    if request.method == "POST":
        form = StatisticsUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                count = import_statistics(
                    form.cleaned_data["file"].read(), form.cleaned_data["source"]
                )
            except StatisticsImportError as exc:
                errors = exc.errors
            else:
                messages.success(request, _("%(n)d statistikvärden importerade.") % {"n": count})
                return redirect("analysis:statistics")
        status = 400
    series = (
        StatisticValue.objects.values("series")
        .annotate(rows=Count("id"), first=Min("year"), last=Max("year"))
        .order_by("series")
    )
    return render(
        request,
        "analysis/statistics.html",
        {
            "form": form,
            "errors": errors,
            "series": series,
            "indicators": Indicator.objects.filter(basis=IndicatorBasis.STATISTICS),
        },
        status=status,
    )
