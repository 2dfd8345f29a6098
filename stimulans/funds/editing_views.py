"""The national administrator's pages for editing an agreement: the agreement's title, total and
deadline; adding, editing and removing parts, pots and categories (with the crosswalk to last
year's categories). Each: a permission-checked fetch, a form, a save, a redirect."""

from django.contrib import messages
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stimulans.accounts.decorators import role_required
from stimulans.accounts.models import Role
from stimulans.lib.confirm import confirmation, confirmed

from .editing import AgreementForm, CategoryForm, PartForm, PotForm
from .models import Agreement, AgreementPart, Category, Pot


def _form_page(request, agreement, form, heading, remove_url, status=200):
    return render(
        request,
        "funds/edit_form.html",
        {"agreement": agreement, "form": form, "heading": heading, "remove_url": remove_url},
        status=status,
    )


def _save(request, agreement, form, heading, saved, remove_url=None):
    """Save a valid posted form and go back to the agreement; otherwise show it again."""
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                obj = form.save()
            messages.success(request, saved % {"name": str(obj)})
            return redirect("funds:agreement_detail", year=agreement.year)
        return _form_page(request, agreement, form, heading, remove_url, status=400)
    return _form_page(request, agreement, form, heading, remove_url)


def _remove(request, agreement, obj, what):
    """Ask first; then delete `obj`, unless reports, initiatives or requisitions use it."""
    back = reverse("funds:agreement_detail", args=[agreement.year])
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Ta bort %(what)s ”%(name)s”?") % {"what": what, "name": obj},
            lines=[_("Det som hör till tas också bort. Det går inte att ångra.")],
            confirm_label=_("Ta bort"),
            cancel_url=back,
        )
    try:
        with transaction.atomic():
            obj.delete()
    except (ProtectedError, RestrictedError):
        messages.error(
            request,
            _(
                "”%(name)s” kan inte tas bort: redovisningar, insatser eller rekvireringar hör "
                "till den."
            )
            % {"name": obj},
        )
    else:
        messages.success(request, _("”%(name)s” är borttagen.") % {"name": obj})
    return redirect(back)


@role_required(Role.NATIONAL_ADMIN)
def agreement_edit(request, year):
    agreement = get_object_or_404(Agreement, year=year)
    form = AgreementForm(request.POST or None, instance=agreement)
    return _save(
        request, agreement, form, _("Redigera överenskommelsen"), _("”%(name)s” är sparad.")
    )


@role_required(Role.NATIONAL_ADMIN)
def part_add(request, year):
    agreement = get_object_or_404(Agreement, year=year)
    form = PartForm(
        request.POST or None,
        agreement=agreement,
        instance=AgreementPart(agreement=agreement, order=agreement.parts.count()),
    )
    return _save(request, agreement, form, _("Ny del"), _("Delen ”%(name)s” är sparad."))


@role_required(Role.NATIONAL_ADMIN)
def part_edit(request, year, part_id):
    part = get_object_or_404(AgreementPart, pk=part_id, agreement__year=year)
    form = PartForm(request.POST or None, agreement=part.agreement, instance=part)
    return _save(
        request, part.agreement, form, _("Redigera delen"), _("Delen ”%(name)s” är sparad.")
    )


@role_required(Role.NATIONAL_ADMIN)
@require_POST
def part_remove(request, year, part_id):
    part = get_object_or_404(AgreementPart, pk=part_id, agreement__year=year)
    return _remove(request, part.agreement, part, _("delen"))


@role_required(Role.NATIONAL_ADMIN)
def pot_add(request, year, part_id):
    part = get_object_or_404(
        AgreementPart.objects.select_related("agreement"), pk=part_id, agreement__year=year
    )
    form = PotForm(request.POST or None, part=part)
    return _save(request, part.agreement, form, _("Ny pott"), _("Potten ”%(name)s” är sparad."))


def _pot(year, pot_id):
    return get_object_or_404(
        Pot.objects.select_related("part__agreement"), pk=pot_id, part__agreement__year=year
    )


@role_required(Role.NATIONAL_ADMIN)
def pot_edit(request, year, pot_id):
    pot = _pot(year, pot_id)
    form = PotForm(request.POST or None, part=pot.part, instance=pot)
    return _save(
        request,
        pot.agreement,
        form,
        _("Redigera potten"),
        _("Potten ”%(name)s” är sparad."),
        reverse("funds:pot_remove", args=[year, pot.pk]),
    )


@role_required(Role.NATIONAL_ADMIN)
@require_POST
def pot_remove(request, year, pot_id):
    pot = _pot(year, pot_id)
    return _remove(request, pot.agreement, pot, _("potten"))


@role_required(Role.NATIONAL_ADMIN)
def category_add(request, year, pot_id):
    pot = _pot(year, pot_id)
    form = CategoryForm(
        request.POST or None, pot=pot, instance=Category(order=pot.categories.count())
    )
    return _save(
        request, pot.agreement, form, _("Ny insatskategori"), _("Kategorin ”%(name)s” är sparad.")
    )


def _category(year, category_id):
    return get_object_or_404(
        Category.objects.select_related("pot__part__agreement"),
        pk=category_id,
        pot__part__agreement__year=year,
    )


@role_required(Role.NATIONAL_ADMIN)
def category_edit(request, year, category_id):
    category = _category(year, category_id)
    form = CategoryForm(request.POST or None, pot=category.pot, instance=category)
    return _save(
        request,
        category.pot.agreement,
        form,
        _("Redigera insatskategorin"),
        _("Kategorin ”%(name)s” är sparad."),
        reverse("funds:category_remove", args=[year, category.pk]),
    )


@role_required(Role.NATIONAL_ADMIN)
@require_POST
def category_remove(request, year, category_id):
    category = _category(year, category_id)
    return _remove(request, category.pot.agreement, category, _("kategorin"))
