"""The login page (password, or an organisation's own sign-in chosen by e-mail domain)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .. import oidc


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sso_enabled"] = bool(settings.OIDC_PROVIDERS)
        context["saml_enabled"] = bool(settings.SAML_IDP_METADATA)
        if self.request.GET.get("sso") == "fel":
            context["sso_failed"] = True
        return context


class OrganisationSignInForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Din e-postadress i tjänsten"))


@require_POST
def organisation_sign_in(request):
    form = OrganisationSignInForm(request.POST)
    key = oidc.provider_for_email(form.cleaned_data["email"]) if form.is_valid() else None
    if key is None:
        messages.error(
            request, _("Din organisation har ingen egen inloggning här. Logga in med lösenord.")
        )
        return redirect("accounts:login")
    request.session[oidc.SESSION_KEY] = key
    return redirect("accounts:oidc_authenticate")
