"""What every analysis figure starts from: the reports that count, the county filter and the
look-up of a year and a part by the codes that the CLI and URLs give. No HTTP here."""

from django.db.models import Q
from django.utils.translation import gettext as _

from stimulans.funds.models import Agreement, AgreementPart


class AnalysisError(ValueError):
    pass


def get_agreement(year):
    try:
        return Agreement.objects.get(year=int(year))
    except (Agreement.DoesNotExist, ValueError, TypeError) as exc:
        raise AnalysisError(
            _("Det finns ingen överenskommelse för år %(year)s.") % {"year": year}
        ) from exc


def get_part(year, slug):
    agreement = get_agreement(year)
    try:
        return agreement.parts.get(slug=slug)
    except AgreementPart.DoesNotExist as exc:
        raise AnalysisError(
            _("Överenskommelsen %(year)s har ingen del ”%(part)s”.") % {"year": year, "part": slug}
        ) from exc


def county_filter(county, prefix="report__organisation__county__code"):
    """One county's code, a list of codes (several counties), or None (the whole country)."""
    if county is None or county == "":
        return Q()
    if isinstance(county, str):
        return Q(**{prefix: county})
    return Q(**{f"{prefix}__in": list(county)})
