"""The county coordinator's work list: the reports to review, filtered by part, status and
organisation (national administrators and analysts see every county's)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from stimulans.accounts.permissions import require
from stimulans.funds.models import Agreement

from .. import services
from ..forms import ReviewFilterForm
from ..models import ReportStatus


@login_required
def to_review(request, year):
    user = request.user
    require(user.is_county_coordinator or user.reads_everything)
    agreement = get_object_or_404(Agreement, year=year)
    # Without filters: the reports waiting for review.
    form = ReviewFilterForm(request.GET or {"status": ReportStatus.SUBMITTED}, agreement, user)
    reports, status = [], 200
    if form.is_valid():
        reports = services.review_list(
            user,
            agreement,
            part=form.cleaned_data["del"],
            status=form.cleaned_data["status"],
            organisation=form.cleaned_data["organisation"],
            order=form.cleaned_data["ordning"],
        )
    else:
        status = 400
    return render(
        request,
        "reporting/to_review.html",
        {"agreement": agreement, "form": form, "reports": reports},
        status=status,
    )
