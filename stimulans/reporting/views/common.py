"""What the report pages share: the report by id (404), the latest year, amounts in words and
the confirmation page."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import formats
from django.utils.translation import gettext as _

from stimulans.funds.models import Agreement

from ..models import (
    Report,
)


def report_or_404(report_id):
    return get_object_or_404(
        Report.objects.select_related("organisation__county", "pot__part__agreement"),
        pk=report_id,
    )


def latest_year():
    agreement = Agreement.objects.order_by("-year").first()
    if agreement is None:
        raise Http404
    return agreement.year


def kr(amount):
    if amount is None:
        return _("inte ifyllt")
    return _("%(amount)s kr") % {"amount": formats.number_format(amount, force_grouping=True)}


def confirm_page(request, report, **context):
    """The confirmation page of an action that cannot be undone by the one who does it."""
    context.setdefault("status", 200)
    status = context.pop("status")
    return render(
        request, "reporting/report_confirm.html", {"report": report, **context}, status=status
    )
