"""An organisation's users (roles, last sign-in) and deactivating / activating one; users are
never deleted, so history keeps their names."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.lib.confirm import confirmation, confirmed

from ..models import User, organisation_model
from ..permissions import can_manage_user, can_view_users_of, require


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


def _back(user):
    if user.organisation_id:
        org = user.organisation
        return reverse("accounts:organisation_users", args=[org.kind, org.code])
    return reverse("core:home")


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
