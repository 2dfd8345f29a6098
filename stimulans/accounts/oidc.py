"""Sign-in through an organisation's own OpenID Connect provider (mozilla-django-oidc).

Providers are configured in `settings.OIDC_PROVIDERS` (JSON in the environment variable of the
same name): a key per provider with its endpoints, client and the e-mail domains (and
optionally the organisations, `kind-code`) it signs in. The user types an e-mail address on the
login page; its domain chooses the provider, kept in the session for the callback.

A provider only vouches for an e-mail address: the address must be verified
(`email_verified`), in one of the provider's domains, and belong to an active user or to an
open invitation (which is then accepted, without a password). Roles and organisations come
from the invitation, never from claims; no user is made from claims alone.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from .backends import UserBackend
from .models import Invitation, InvitationStatus

SESSION_KEY = "oidc_provider"

logger = logging.getLogger(__name__)


def providers():
    return settings.OIDC_PROVIDERS


def _domain(email):
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""


def provider_for_email(email):
    """The key of the provider whose domains include `email`'s, or None."""
    domain = _domain(email)
    for key, provider in providers().items():
        if domain and domain in [d.lower() for d in provider.get("domains", [])]:
            return key
    return None


class ProviderAuthenticationRequestView(OIDCAuthenticationRequestView):
    """mozilla-django-oidc's redirect to the provider, with the session's provider."""

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)

    def get(self, request):
        provider = providers().get(request.session.get(SESSION_KEY, ""))
        if provider is None:
            return HttpResponseRedirect(reverse("accounts:login"))
        self.OIDC_OP_AUTH_ENDPOINT = provider["authorization_endpoint"]
        self.OIDC_RP_CLIENT_ID = provider["client_id"]
        return super().get(request)


class ProviderBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()  # the provider's settings are read per request

    def authenticate(self, request, **kwargs):
        if request is None or "code" not in request.GET:
            return None  # not an OIDC callback (e.g. a password sign-in)
        key = request.session.get(SESSION_KEY, "")
        provider = providers().get(key)
        if provider is None:
            return None
        self.provider = provider
        self.OIDC_OP_TOKEN_ENDPOINT = provider["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = provider["userinfo_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = provider.get("jwks_endpoint")
        self.OIDC_RP_CLIENT_ID = provider["client_id"]
        self.OIDC_RP_CLIENT_SECRET = provider["client_secret"]
        self.OIDC_RP_SIGN_ALGO = provider.get("sign_algo", "RS256")
        self.OIDC_RP_IDP_SIGN_KEY = provider.get("sign_key")
        try:
            return super().authenticate(request, **kwargs)
        except SuspiciousOperation as error:
            # A rejected ID token (signature, nonce, audience, issuer) is a failed sign-in:
            # back to the login page with a message, not a 400 page (audited as a failure).
            logger.warning("OIDC sign-in through %s refused: %s", key, error)
            messages.error(
                request,
                _(
                    "Inloggningen gick inte: svaret från din organisations inloggning gällde "
                    "inte Stimulans eller kom från fel tjänst. Försök igen, och kontakta din "
                    "organisations it-stöd om det inte går."
                ),
            )
            return None

    def verify_token(self, token, **kwargs):
        """mozilla-django-oidc checks signature and nonce; the issuer and audience too."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token for another client")
        issuer = self.provider.get("issuer")
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("ID token from another issuer")
        return payload

    def filter_users_by_claims(self, claims):
        email = str(claims.get("email", "")).strip()
        if not email or claims.get("email_verified") is not True:
            return self.UserModel.objects.none()
        if _domain(email) not in [d.lower() for d in self.provider.get("domains", [])]:
            return self.UserModel.objects.none()
        users = self.UserModel.objects.filter(email__iexact=email, is_active=True)
        if not users.exists():
            self._accept_invitation(email)
        organisations = self.provider.get("organisations")
        if organisations:
            users = [
                u for u in users if u.organisation and u.organisation.kind_code in organisations
            ]
        return users

    def _accept_invitation(self, email):
        from . import invitations

        invitation = (
            Invitation.objects.filter(
                email__iexact=email, status=InvitationStatus.SENT, expires_at__gt=timezone.now()
            )
            .order_by("-sent_at")
            .first()
        )
        if invitation is not None:
            first, _sep, last = invitation.name.partition(" ")
            invitations.accept(invitation, first, last, password=None)

    def get_user(self, user_id):
        """As for a password sign-in: read on every request, refused once deactivated
        (mozilla-django-oidc's own get_user does not check is_active)."""
        return UserBackend().get_user(user_id)

    def create_user(self, claims):
        return None  # never: users come from invitations

    def update_user(self, user, claims):
        return user  # claims change nothing (not the name, never the role)
