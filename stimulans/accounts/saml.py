"""Sign-in through Sweden Connect (SAML 2.0, djangosaml2 / pysaml2), where SITHS and Freja eID
sign-ins arrive. Configured from settings (README "Accounts and sign-in"): the federation's
metadata file `SAML_IDP_METADATA`, the service's key and certificate `SAML_KEY_FILE` /
`SAML_CERT_FILE`; nothing is configured and the pages answer 404 while the metadata is unset.

The asserted e-mail address (`mail`) maps to an active user or an open invitation (accepted on
the spot, without a password), as for OpenID Connect; no user or role comes from attributes.
"""

import shutil

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from djangosaml2.backends import Saml2Backend
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import SPConfig
from saml2.saml import NAMEID_FORMAT_TRANSIENT

from .backends import UserBackend
from .models import Invitation, InvitationStatus


def config_loader(request=None):
    """djangosaml2's SAML_CONFIG_LOADER: the service provider's configuration from settings."""
    if not settings.SAML_IDP_METADATA:
        raise Http404
    base = settings.SITE_URL.rstrip("/") + "/konto/saml2/"
    keys = {"key_file": settings.SAML_KEY_FILE, "cert_file": settings.SAML_CERT_FILE}
    config = SPConfig()
    config.load(
        {
            "xmlsec_binary": shutil.which("xmlsec1") or "/usr/bin/xmlsec1",
            "entityid": settings.SAML_ENTITY_ID or base + "metadata/",
            "service": {
                "sp": {
                    "name": "Stimulans",
                    "name_id_format": NAMEID_FORMAT_TRANSIENT,
                    "endpoints": {
                        "assertion_consumer_service": [(base + "acs/", BINDING_HTTP_POST)],
                        "single_logout_service": [(base + "ls/", BINDING_HTTP_REDIRECT)],
                    },
                    "authn_requests_signed": True,
                    "want_assertions_signed": True,
                    "want_response_signed": False,
                    "allow_unsolicited": False,
                }
            },
            "metadata": {"local": [settings.SAML_IDP_METADATA]},
            **keys,
            "encryption_keypairs": [keys],
        }
    )
    return config


class SamlBackend(Saml2Backend):
    def get_or_create_user(
        self,
        user_lookup_key,
        user_lookup_value,
        create_unknown_user,
        idp_entityid,
        attributes,
        attribute_mapping,
        request,
    ):
        email = str(user_lookup_value or "").strip()
        users = list(self._user_model.objects.filter(email__iexact=email, is_active=True)[:2])
        if not users and email:
            invitation = (
                Invitation.objects.filter(
                    email__iexact=email,
                    status=InvitationStatus.SENT,
                    expires_at__gt=timezone.now(),
                )
                .order_by("-sent_at")
                .first()
            )
            if invitation is not None:
                from . import invitations

                first, _sep, last = invitation.name.partition(" ")
                users = [invitations.accept(invitation, first, last, password=None)]
        return (users[0] if len(users) == 1 else None), False

    def _update_user(self, user, attributes, attribute_mapping, force_save=False):
        return user  # attributes change nothing (not the name, never the role)

    def get_user(self, user_id):
        return UserBackend().get_user(user_id)
