from django.utils import timezone

from stimulans.lib.text import year_param

from ..permissions import NATIONAL, NEED_WRITERS  # noqa: F401


def selected_year(request):
    """`?ar=2020`, else this year."""
    return year_param(request.GET.get("ar")) or timezone.localdate().year
