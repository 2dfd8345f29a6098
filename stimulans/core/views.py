from django.shortcuts import render

from stimulans.funds.models import Agreement


def home(request):
    return render(request, "core/home.html", {"agreements": Agreement.objects.all()[:5]})
