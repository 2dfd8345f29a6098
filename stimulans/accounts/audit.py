"""The accounts' audit log: every sign-in and failed sign-in (Django's `user_logged_in` /
`user_login_failed` signals, whatever the way of signing in), every change of a user's role,
organisation and activation (a `pre_save` of User compares with the stored row, so Django
admin, the pages and the command line are all covered) and the invitations.

The acting user is the request's (simple_history's middleware keeps the current request).
"""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from .models import AuditEvent, AuditKind, Role, User
from .throttle import axes_client_ip

WATCHED = ("role", "is_lead_analyst", "organisation_id", "is_active")


def _current_request():
    return getattr(HistoricalRecords.context, "request", None)


def _name(user):
    return user.username if user is not None else ""


def record(kind, *, user=None, username="", actor=None, detail="", request=None):
    request = request or _current_request()
    if actor is None and request is not None and getattr(request, "user", None) is not None:
        actor = request.user if request.user.is_authenticated else None
    ip = axes_client_ip(request) if request is not None else None
    return AuditEvent.objects.create(
        kind=kind,
        user=user,
        username=username or _name(user),
        actor=actor,
        actor_name=_name(actor),
        detail=detail[:500],
        ip_address=ip or None,
    )


@receiver(user_logged_in)
def _signed_in(sender, request, user, **kwargs):
    backend = getattr(user, "backend", "") or ""
    record(
        AuditKind.SIGN_IN, user=user, actor=user, detail=backend.rsplit(".", 1)[-1], request=request
    )


@receiver(user_login_failed)
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:254]
    user = User.objects.filter(username=username).first() if username else None
    record(AuditKind.SIGN_IN_FAILED, user=user, username=username, request=request)


def _label(organisation):
    return organisation.name if organisation is not None else _("ingen")


@receiver(pre_save, sender=User)
def _remember_old(sender, instance, update_fields=None, raw=False, **kwargs):
    instance._audit_old = None
    if raw or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & {
        "role",
        "is_lead_analyst",
        "organisation",
        "is_active",
    }:
        return  # e.g. last_login on every sign-in
    instance._audit_old = User.objects.filter(pk=instance.pk).values(*WATCHED).first()


@receiver(post_save, sender=User)
def _changed(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        role = _("Huvudanalytiker") if instance.is_lead else instance.get_role_display()
        record(AuditKind.CREATED, user=instance, detail=role)
        return
    old = getattr(instance, "_audit_old", None)
    if not old:
        return
    if old["role"] != instance.role:
        detail = f"{Role(old['role']).label} → {instance.get_role_display()}"
        record(AuditKind.ROLE_CHANGED, user=instance, detail=detail)
    if old["is_lead_analyst"] != instance.is_lead_analyst:
        detail = _("Huvudanalytiker") if instance.is_lead_analyst else _("Inte huvudanalytiker")
        record(AuditKind.ROLE_CHANGED, user=instance, detail=detail)
    if old["organisation_id"] != instance.organisation_id:
        organisations = User._meta.get_field("organisation").related_model
        before = organisations._default_manager.filter(pk=old["organisation_id"]).first()
        detail = f"{_label(before)} → {_label(instance.organisation)}"
        record(AuditKind.ORGANISATION_CHANGED, user=instance, detail=detail)
    if old["is_active"] != instance.is_active:
        kind = AuditKind.ACTIVATED if instance.is_active else AuditKind.DEACTIVATED
        record(kind, user=instance)
    instance._audit_old = None
