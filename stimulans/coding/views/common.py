from django.shortcuts import get_object_or_404

from stimulans.accounts.models import Role
from stimulans.funds.models import Agreement, AgreementPart
from stimulans.reporting.models import Initiative

# Analysts and national administrators code; the others are refused.
CODERS = (Role.ANALYST, Role.NATIONAL_ADMIN)


def get_part(year, slug):
    agreement = get_object_or_404(Agreement, year=year)
    return get_object_or_404(
        AgreementPart.objects.select_related("agreement"), agreement=agreement, slug=slug
    )


def get_initiative(part, pk):
    """A counted initiative of the part, 404 otherwise."""
    return get_object_or_404(
        Initiative.objects.counted().select_related(
            "report__organisation", "report__pot", "category"
        ),
        pk=pk,
        report__pot__part=part,
    )
