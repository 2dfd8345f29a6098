"""The audit log for national administrators, filtered by event, user and date."""

from datetime import datetime, time, timedelta

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from ..decorators import role_required
from ..forms import AuditFilterForm
from ..models import AuditEvent, Role

PAGE_SIZE = 100


def _start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


@role_required(Role.NATIONAL_ADMIN)
def audit_log(request):
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.all()
    if form.is_valid():
        data = form.cleaned_data
        if data["kind"]:
            events = events.filter(kind=data["kind"])
        if data["username"]:
            who = data["username"]
            events = events.filter(Q(username__icontains=who) | Q(actor_name__icontains=who))
        if data["date_from"]:
            events = events.filter(at__gte=_start(data["date_from"]))
        if data["date_to"]:
            events = events.filter(at__lt=_start(data["date_to"] + timedelta(days=1)))
    page = Paginator(events.order_by("-at", "-pk"), PAGE_SIZE).get_page(request.GET.get("sida"))
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "accounts/audit_log.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )
