"""The invitation pages: the list (with the form to invite, or for reporters to ask for a
colleague), resend, revoke, approve, and the invited person's page that accepts."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.lib.confirm import confirmation, confirmed

from .. import invitations
from ..forms import AcceptInvitationForm, ColleagueRequestForm, InviteForm
from ..invitations import InvitationError
from ..models import Invitation, InvitationStatus
from ..permissions import require


def _base_url(request):
    return request.build_absolute_uri("/")


@login_required
def invitation_list(request):
    user = request.user
    can_invite = bool(invitations.invitable_roles(user))
    require(can_invite or user.is_reporter)
    form_class = InviteForm if can_invite else ColleagueRequestForm
    args = (user,) if can_invite else ()
    form = form_class(*args, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if can_invite:
                invitations.invite(
                    user,
                    data["email"],
                    data["role"],
                    data["organisation"],
                    data["name"],
                    base_url=_base_url(request),
                    lead=data.get("lead", False),
                )
                messages.success(request, _("Inbjudan är skickad till %s.") % data["email"])
            else:
                invitations.request_colleague(user, data["email"], data["name"])
                messages.success(request, _("Länssamordnaren har fått din begäran."))
            return redirect("accounts:invitations")
        except InvitationError as exc:
            form.add_error(None, str(exc))
    rows = (
        Invitation.objects.visible_to(user)
        .select_related("organisation", "invited_by", "requested_by")
        .order_by("-created_at", "-pk")[:500]
    )
    return render(
        request,
        "accounts/invitations.html",
        {
            "form": form,
            "can_invite": can_invite,
            "rows": [(inv, invitations.may_manage(user, inv)) for inv in rows],
            "statuses": InvitationStatus,
        },
    )


def _managed(request, pk):
    invitation = get_object_or_404(Invitation.objects.visible_to(request.user), pk=pk)
    require(invitations.may_manage(request.user, invitation))
    return invitation


@login_required
@require_POST
def resend(request, pk):
    invitation = _managed(request, pk)
    try:
        invitations.resend(invitation, request.user, base_url=_base_url(request))
        messages.success(request, _("Inbjudan är skickad igen till %s.") % invitation.email)
    except InvitationError as exc:
        messages.error(request, str(exc))
    return redirect("accounts:invitations")


@login_required
@require_POST
def revoke(request, pk):
    invitation = _managed(request, pk)
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Återkalla inbjudan"),
            lines=[_("Inbjudan till %s återkallas och länken slutar gälla.") % invitation.email],
            confirm_label=_("Återkalla"),
            cancel_url=reverse("accounts:invitations"),
        )
    try:
        invitations.revoke(invitation, request.user)
        messages.success(request, _("Inbjudan till %s är återkallad.") % invitation.email)
    except InvitationError as exc:
        messages.error(request, str(exc))
    return redirect("accounts:invitations")


@login_required
@require_POST
def approve(request, pk):
    invitation = _managed(request, pk)
    try:
        invitations.approve(invitation, request.user, base_url=_base_url(request))
        messages.success(request, _("Inbjudan är skickad till %s.") % invitation.email)
    except InvitationError as exc:
        messages.error(request, str(exc))
    return redirect("accounts:invitations")


def accept(request, token):
    """The invited person's page: anonymous, reached only with a valid link."""
    invitation = invitations.open_invitation(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(invitation, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = invitations.accept(
                invitation, data["first_name"], data["last_name"], data["password1"]
            )
        except InvitationError as exc:
            form.add_error(None, str(exc))
        else:
            login(request, user, backend="stimulans.accounts.backends.UserBackend")
            messages.success(request, _("Välkommen! Ditt konto är aktiverat."))
            return redirect("core:home")
    if request.method not in ("GET", "HEAD", "POST"):
        raise Http404
    return render(
        request, "accounts/accept_invitation.html", {"form": form, "invitation": invitation}
    )
