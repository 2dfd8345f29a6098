"""Invitations: who may invite whom, and an invitation's life (sent, resent, revoked,
accepted). Plain functions shared by the pages and `stimulans import-users`.

- National administrators invite county coordinators and analysts, an analyst also as lead
  analyst (`is_lead_analyst`: draws the double-coding samples and adjudicates);
- a county coordinator invites reporters of the organisations in its county;
- a reporter asks for a colleague in its own organisation, and a coordinator of the county
  approves (the invitation is then sent) or revokes the request;
- the command line (`inviter=None`) may invite any role.

The role and organisation are the inviter's; the invited person only chooses a name and a
password. The link carries a random token of which only a hash is stored; it expires after
`settings.INVITATION_DAYS` days. Mail goes through the outbox (`stimulans.mail.outbox`).
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from stimulans.mail import outbox

from . import audit
from .models import AuditKind, Invitation, InvitationStatus, Role, User

ORGANISATION_ROLES = (Role.REPORTER, Role.COUNTY_COORDINATOR)


class InvitationError(Exception):
    """A refused invitation; the message is Swedish and says why."""


def invitable_roles(inviter):
    """The roles `inviter` may invite (None: the command line, every role)."""
    if inviter is None:
        return list(Role)
    if inviter.is_national_admin:
        return [Role.COUNTY_COORDINATOR, Role.ANALYST]
    if inviter.is_county_coordinator:
        return [Role.REPORTER]
    return []


def may_invite(inviter, role, organisation):
    if role not in invitable_roles(inviter):
        return False
    if inviter is not None and inviter.is_county_coordinator:
        return organisation is not None and organisation.county_id == inviter.county_id
    return True


def may_manage(user, invitation):
    """See, resend and revoke `invitation` (approve a colleague request)."""
    if not user.is_authenticated:
        return False
    if user.is_national_admin:
        return True
    return may_invite(user, invitation.role, invitation.organisation)


def check_target(role, organisation, lead=False):
    """The Swedish message if `role`, `organisation` and the lead-analyst flag `lead` do not go
    together, else None."""
    if role not in Role.values:
        return _("Okänd roll ”%(role)s”.") % {"role": role}
    if lead and role != Role.ANALYST:
        return _("Bara analytiker kan vara huvudanalytiker.")
    if role in ORGANISATION_ROLES and organisation is None:
        return _("Rollen %(role)s kräver en organisation.") % {"role": Role(role).label}
    if role not in ORGANISATION_ROLES and organisation is not None:
        return _("Rollen %(role)s hör inte till någon organisation.") % {"role": Role(role).label}
    return None


def check_email(email):
    """The Swedish message if `email` already has a user or an open invitation, else None."""
    if User.objects.filter(email__iexact=email).exists():
        return _("%(email)s har redan ett konto.") % {"email": email}
    open_ = Invitation.objects.filter(
        email__iexact=email, status__in=[InvitationStatus.SENT, InvitationStatus.REQUESTED]
    ).filter(closed_at__isnull=True)
    if any(not inv.is_expired() for inv in open_):
        return _("%(email)s har redan en öppen inbjudan.") % {"email": email}
    return None


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def link(base_url, token):
    return base_url.rstrip("/") + reverse("accounts:accept_invitation", args=[token])


def _issue(invitation, base_url, send):
    """A new token and expiry for `invitation`, and its mail queued unless `send` is false.
    Returns the link."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation.token_hash = _hash(token)
    invitation.status = InvitationStatus.SENT
    invitation.sent_at = now
    invitation.expires_at = now + timedelta(days=settings.INVITATION_DAYS)
    invitation.save()
    url = link(base_url, token)
    if send:
        outbox.queue(
            [(invitation.email, _("Inbjudan till Stimulans"), _mail_body(invitation, url))]
        )
    return url


def _mail_body(invitation, url):
    where = f", {invitation.organisation.name}" if invitation.organisation else ""
    return _(
        "Hej!\n\nDu har bjudits in till Stimulans som %(role)s%(where)s.\n\n"
        "Öppna länken för att välja lösenord och aktivera ditt konto:\n%(url)s\n\n"
        "Länken gäller till %(expires)s.\n"
    ) % {
        "role": invitation.role_label().lower(),
        "where": where,
        "url": url,
        "expires": timezone.localtime(invitation.expires_at).strftime("%Y-%m-%d %H:%M"),
    }


@transaction.atomic
def invite(inviter, email, role, organisation=None, name="", *, base_url, send=True, lead=False):
    """Create and send an invitation (`lead`: an analyst invited as lead analyst); returns
    (invitation, link). InvitationError if refused."""
    email = email.strip()
    problem = check_target(role, organisation, lead) or check_email(email)
    if problem:
        raise InvitationError(problem)
    if not may_invite(inviter, role, organisation):
        raise InvitationError(_("Du får inte bjuda in någon med den rollen och organisationen."))
    invitation = Invitation(
        email=email,
        name=name.strip(),
        role=role,
        is_lead_analyst=lead,
        organisation=organisation,
        invited_by=inviter,
    )
    url = _issue(invitation, base_url, send)
    audit.record(AuditKind.INVITED, username=email, actor=inviter, detail=_describe(invitation))
    return invitation, url


def _describe(invitation):
    text = invitation.role_label()
    return f"{text}, {invitation.organisation.name}" if invitation.organisation else text


@transaction.atomic
def resend(invitation, actor, *, base_url):
    """A new link (the old one stops working) with a new expiry, mailed again."""
    if invitation.status != InvitationStatus.SENT:
        raise InvitationError(_("Bara skickade inbjudningar kan skickas igen."))
    url = _issue(invitation, base_url, send=True)
    audit.record(AuditKind.INVITED, username=invitation.email, actor=actor, detail=_("igen"))
    return url


@transaction.atomic
def revoke(invitation, actor):
    if invitation.status not in (InvitationStatus.SENT, InvitationStatus.REQUESTED):
        raise InvitationError(_("Inbjudan är redan avslutad."))
    invitation.status = InvitationStatus.REVOKED
    invitation.token_hash = ""
    invitation.closed_at = timezone.now()
    invitation.save()
    audit.record(AuditKind.INVITATION_REVOKED, username=invitation.email, actor=actor)


@transaction.atomic
def request_colleague(reporter, email, name=""):
    """A reporter asks for a colleague in its own organisation; the county's coordinators are
    told by mail and approve it on their invitation page."""
    if not reporter.is_reporter or reporter.organisation is None:
        raise InvitationError(_("Bara rapportörer kan be om att en kollega bjuds in."))
    email = email.strip()
    problem = check_email(email)
    if problem:
        raise InvitationError(problem)
    invitation = Invitation.objects.create(
        email=email,
        name=name.strip(),
        role=Role.REPORTER,
        organisation=reporter.organisation,
        requested_by=reporter,
        status=InvitationStatus.REQUESTED,
    )
    coordinators = User.objects.filter(
        role=Role.COUNTY_COORDINATOR,
        is_active=True,
        organisation__county_id=reporter.county_id,
    ).exclude(email="")
    body = _(
        "%(who)s på %(org)s ber att %(email)s bjuds in som rapportör. "
        "Godkänn eller avslå under Inbjudningar i Stimulans.\n"
    ) % {
        "who": reporter.get_full_name() or reporter.username,
        "org": reporter.organisation.name,
        "email": email,
    }
    outbox.queue([(c.email, _("Begäran om inbjudan"), body) for c in coordinators])
    return invitation


@transaction.atomic
def approve(invitation, coordinator, *, base_url):
    """Send a reporter's request for a colleague; the approver becomes the inviter."""
    if invitation.status != InvitationStatus.REQUESTED:
        raise InvitationError(_("Inbjudan väntar inte på godkännande."))
    if not may_invite(coordinator, invitation.role, invitation.organisation):
        raise InvitationError(_("Du får inte bjuda in någon med den rollen och organisationen."))
    invitation.invited_by = coordinator
    url = _issue(invitation, base_url, send=True)
    audit.record(
        AuditKind.INVITED,
        username=invitation.email,
        actor=coordinator,
        detail=_describe(invitation),
    )
    return url


def open_invitation(token):
    """The sent, unexpired invitation of `token`, or None."""
    invitation = Invitation.objects.filter(
        token_hash=_hash(token), status=InvitationStatus.SENT
    ).first()
    if invitation is None or invitation.is_expired():
        return None
    return invitation


@transaction.atomic
def accept(invitation, first_name, last_name, password):
    """The new user of `invitation` (username: the e-mail address), role and organisation as
    invited. The password is checked by the caller's form (Django's validators); None (a
    sign-in through an identity provider) leaves the user without a usable password."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.SENT or invitation.is_expired():
        raise InvitationError(_("Inbjudan gäller inte längre."))
    if User.objects.filter(username__iexact=invitation.email).exists():
        raise InvitationError(_("%(email)s har redan ett konto.") % {"email": invitation.email})
    user = User(
        username=invitation.email.lower(),
        email=invitation.email,
        first_name=first_name,
        last_name=last_name,
        role=invitation.role,
        is_lead_analyst=invitation.is_lead_analyst and invitation.role == Role.ANALYST,
        organisation=invitation.organisation,
        # National administrators also run Django admin (as `stimulans demo`'s do).
        is_staff=invitation.role == Role.NATIONAL_ADMIN,
        is_superuser=invitation.role == Role.NATIONAL_ADMIN,
    )
    user.set_password(password)
    user.save()
    invitation.status = InvitationStatus.ACCEPTED
    invitation.user = user
    invitation.token_hash = ""
    invitation.closed_at = timezone.now()
    invitation.save()
    return user
