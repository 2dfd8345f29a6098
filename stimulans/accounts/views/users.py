"""An organisation's users (roles, last sign-in), the national users (administrators and
analysts, who have no organisation), deactivating / activating one and marking an analyst as
lead analyst; users are never deleted, so history keeps their names."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.lib.confirm import confirmation, confirmed

from ..lead_analysts import LeadAnalystError, set_lead_analyst
from ..models import User, organisation_model
from ..permissions import (
    can_appoint_lead_analysts,
    can_manage_user,
    can_view_users_of,
    require,
)


@login_required
def organisation_users(request, kind, code):
    organisation = get_object_or_404(organisation_model(), kind=kind, code=code)
    require(can_view_users_of(request.user, organisation))
    users = organisation.users.order_by("-is_active", "last_name", "first_name", "username")
    return render(
        request,
        "accounts/organisation_users.html",
        {
            "organisation": organisation,
            "rows": [(u, can_manage_user(request.user, u)) for u in users],
        },
    )


@login_required
def national_users(request):
    require(can_appoint_lead_analysts(request.user))
    users = User.objects.filter(organisation__isnull=True).order_by(
        "-is_active", "role", "last_name", "first_name", "username"
    )
    return render(
        request,
        "accounts/national_users.html",
        {"rows": [(u, can_manage_user(request.user, u)) for u in users]},
    )


def _back(user):
    if user.organisation_id:
        org = user.organisation
        return reverse("accounts:organisation_users", args=[org.kind, org.code])
    return reverse("accounts:national_users")


@login_required
@require_POST
def lead_analyst(request, pk):
    """Mark (`lead=1`) or unmark (`lead=0`) an analyst as lead analyst. The wanted value is sent,
    so a double submit or a stale page changes nothing twice; reversible, so not asked first."""
    require(can_appoint_lead_analysts(request.user))
    target = get_object_or_404(User, pk=pk)
    lead = request.POST.get("lead")
    if lead not in ("0", "1"):
        return HttpResponseBadRequest(_("Ange om användaren ska vara huvudanalytiker."))
    name = target.get_full_name() or target.username
    try:
        changed = set_lead_analyst(target, lead == "1")
    except LeadAnalystError as exc:
        messages.error(request, str(exc))
    else:
        if lead == "1":
            text = _("%s är huvudanalytiker.") if changed else _("%s är redan huvudanalytiker.")
        else:
            text = (
                _("%s är inte längre huvudanalytiker.")
                if changed
                else _("%s är redan inte huvudanalytiker.")
            )
        messages.success(request, text % name)
    return redirect(_back(target))


@login_required
@require_POST
def set_active(request, pk, active):
    target = get_object_or_404(User.objects.select_related("organisation"), pk=pk)
    require(can_manage_user(request.user, target))
    name = target.get_full_name() or target.username
    if not active and not confirmed(request):
        return confirmation(
            request,
            title=_("Inaktivera användare"),
            lines=[_("%s kan inte längre logga in. Namnet finns kvar i historiken.") % name],
            confirm_label=_("Inaktivera"),
            cancel_url=_back(target),
        )
    target.is_active = active
    target.save(update_fields=["is_active"])
    text = _("%s är aktiverad.") if active else _("%s är inaktiverad.")
    messages.success(request, text % name)
    return redirect(_back(target))
