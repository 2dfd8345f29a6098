from django.http import HttpResponse
from django.shortcuts import render

from stimulans.funds.models import Agreement


def healthz(request):
    """A minimal view (no database, no template): a health check and the load test's baseline."""
    return HttpResponse("ok", content_type="text/plain")


def home(request):
    return render(request, "core/home.html", {"agreements": Agreement.objects.all()[:5]})
