"""What the analysis views share: the refusal, the scope check and the `?lan=` parameter."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from stimulans.accounts.models import Role
from stimulans.funds.models import Agreement
from stimulans.organisations.models import County

from ..lookups import AnalysisError
from ..models import StatusReport
from ..permissions import analysis_scope
from ..snapshot import published_version, report_data

ANALYSTS = (Role.ANALYST, Role.NATIONAL_ADMIN)


def reads_aggregates(user):
    return user.is_authenticated and (user.reads_everything or user.is_county_coordinator)


def refuse(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def scope_or_refuse(request, agreement, county=None):
    """(scope, None) if the user may read the year's figures for `county` (None: the whole
    country), else (None, a refusal response)."""
    scope = analysis_scope(request.user, agreement)
    if scope is None or not scope.allows(county):
        return None, refuse(request)
    return scope, None


def published_flag(agreement):
    """Whether the year is published, from an agreement fetched with its status report."""
    try:
        return agreement.status_report.published
    except StatusReport.DoesNotExist:
        return False


def county_param(request):
    """The county code of `?lan=` (None without one); 404 for a county that does not exist.
    No code holds NUL, and PostgreSQL refuses it in a query: 404 without asking."""
    code = request.GET.get("lan") or None
    if code and ("\x00" in code or not County.objects.filter(code=code).exists()):
        raise Http404
    return code


def shows_draft(request):
    """Analysts and national administrators may ask for the live figures (`?utkast=1`) of a
    published year; everyone else always reads the published version."""
    return (
        request.GET.get("utkast") == "1"
        and request.user.is_authenticated
        and (request.user.reads_everything)
    )


def shown_version(request, agreement):
    """The published version a page, download or JSON answer shows, or None for the live
    figures (a year not published, or an analyst's draft view)."""
    return None if shows_draft(request) else published_version(agreement)


def year_data(request, agreement, county, scope, **only):
    """The year's data (`snapshot.report_data`) that the request reads: the published version,
    or the live figures; 404 for a county the published version does not hold. `only`
    (`parts`, `effects`, `flag_list`) is what of a published version the page shows."""
    previous = Agreement.objects.filter(year=agreement.year - 1).first()
    previous_scope = previous and analysis_scope(request.user, previous)
    readable = bool(previous_scope and previous_scope.allows(county))
    try:
        version = shown_version(request, agreement)
        return report_data(agreement, county, scope.counties, version, previous=readable, **only)
    except AnalysisError as exc:
        raise Http404 from exc
