"""The second factor: TOTP (django-otp), required for the roles in
`settings.SECOND_FACTOR_REQUIRED_ROLES` and available to everyone.

`SecondFactorMiddleware` is the one place that enforces it: a signed-in session that is not
verified is sent to the verification page when the user has a confirmed device, to the
enrolment page when the role requires one, and left alone otherwise."""

import base64

import segno
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

OPEN_PREFIXES = ("/konto/tvafaktor/", "/konto/logga-ut/", "/static/", "/i18n/")


def required_for(user):
    return user.role in settings.SECOND_FACTOR_REQUIRED_ROLES


def has_device(user):
    """Whether the user has a confirmed second factor: `django_otp.user_has_device` for the one
    kind installed (TOTP), without that function's search of every installed model for device
    classes on each call. The middleware asks it on every request of a signed-in user whose
    session is not verified (reporters' autosaves included), where the search cost about a
    millisecond of processor time."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user):
    """The user's unconfirmed TOTP device being enrolled (made on first use)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="TOTP", confirmed=False)


def secret(device):
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def qr_data_uri(device):
    return segno.make(device.config_url, error="m").svg_data_uri(scale=4)


def verify(user, code, confirmed=True):
    """The device of `user` that accepts `code` (django-otp throttles failures), or None."""
    code = "".join(code.split())
    if not code.isdigit():
        return None
    for device in devices_for_user(user, confirmed=confirmed):
        if device.verify_token(code):
            return device
    return None


def safe_next(request, default="core:home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(OPEN_PREFIXES)
        ):
            if has_device(user):
                return redirect(f"{reverse('accounts:verify_second_factor')}?next={request.path}")
            if required_for(user):
                return redirect(reverse("accounts:second_factor"))
        return self.get_response(request)
