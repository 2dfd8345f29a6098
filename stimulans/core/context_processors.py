from stimulans.funds.models import Agreement


def navigation(request):
    """The year the navigation links point at: the latest agreement's."""
    if not request.user.is_authenticated:
        return {}
    year = Agreement.objects.order_by("-year").values_list("year", flat=True).first()
    return {"nav_year": year}
