"""Enrolling a TOTP app (QR code and secret) and verifying a code after signing in."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login

from .. import audit, second_factor
from ..models import AuditKind


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Kod från appen"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


@login_required
def enrol(request):
    user = request.user
    if second_factor.has_device(user):
        return render(request, "accounts/second_factor_active.html")
    device = second_factor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if second_factor.verify(user, form.cleaned_data["code"], confirmed=False) == device:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            audit.record(AuditKind.SECOND_FACTOR_ADDED, user=user, request=request)
            messages.success(request, _("Tvåfaktorsinloggning är aktiverad."))
            return redirect("core:home")
        form.add_error("code", _("Koden stämmer inte. Försök igen med en ny kod."))
    return render(
        request,
        "accounts/second_factor_enrol.html",
        {
            "form": form,
            "qr": second_factor.qr_data_uri(device),
            "secret": second_factor.secret(device),
            "required": second_factor.required_for(user),
        },
    )


@login_required
def verify(request):
    if request.user.is_verified() or not second_factor.has_device(request.user):
        return redirect(second_factor.safe_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = second_factor.verify(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(second_factor.safe_next(request))
        form.add_error("code", _("Koden stämmer inte. Försök igen med en ny kod."))
    return render(
        request,
        "accounts/second_factor_verify.html",
        {"form": form, "next": request.GET.get("next", "")},
    )
