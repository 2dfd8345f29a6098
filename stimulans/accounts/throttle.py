"""Login throttling with django-axes: a limit per username (from any address) and a higher one
per client address (over any usernames), so that neither guessing one account's password nor
spraying a few passwords over many predictable usernames gets far.

axes compares one number (`get_failures`, the largest count over AXES_LOCKOUT_PARAMETERS) with
one limit (AXES_FAILURE_LIMIT). `LoginThrottle` scales each parameter's count to that limit by
`LOGIN_FAILURE_LIMITS`, so each parameter locks at its own limit; and a successful login clears
only the failures of that username from that address (axes' reset would clear the address's
failures for every username, which lets a sprayer with one valid account start again).
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum

from stimulans.lib.client_ip import client_ip, parse_networks


def axes_client_ip(request):
    """AXES_CLIENT_IP_CALLABLE: X-Forwarded-For only from `settings.TRUSTED_PROXIES`."""
    return client_ip(
        request.META.get("REMOTE_ADDR"),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        parse_networks(settings.TRUSTED_PROXIES),
    )


def _key(parameter):
    return parameter if isinstance(parameter, str) else "+".join(parameter)


class LoginThrottle(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        limit = settings.AXES_FAILURE_LIMIT
        parameters = get_lockout_parameters(request, credentials)
        worst = 0
        for parameter, attempts in zip(
            parameters, self.get_user_attempts(request, credentials), strict=True
        ):
            failures = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            own = settings.LOGIN_FAILURE_LIMITS.get(_key(parameter), limit)
            # failures >= own exactly when failures * limit // own >= limit.
            worst = max(worst, failures * limit // own)
        return worst

    def reset_user_attempts(self, request, credentials=None):
        count, _ = AccessAttempt.objects.filter(
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        ).delete()
        return count
