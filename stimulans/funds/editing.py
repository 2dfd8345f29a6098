"""Editing a (copied) agreement on pages: the forms for the agreement, its parts, pots and
categories (with the crosswalk to last year's), and the checks shown before allocating."""

from django import forms
from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from stimulans.lib.numbers import sek
from stimulans.organisations.population import MissingPopulation

from .allocation import AllocationError
from .models import Agreement, AgreementPart, Category, Pot
from .services import compute_pot


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["title", "total_sek", "reporting_deadline"]
        widgets = {"reporting_deadline": forms.DateInput(attrs={"type": "date"})}

    def clean_total_sek(self):
        total = self.cleaned_data["total_sek"]
        if total < 0:
            raise forms.ValidationError(_("Beloppet måste vara ett heltal ≥ 0 kronor."))
        return total


class PartForm(forms.ModelForm):
    class Meta:
        model = AgreementPart
        fields = ["title", "slug", "aims", "order", "predecessor"]

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement = agreement
        self.fields["predecessor"].queryset = AgreementPart.objects.filter(
            agreement__year__lt=agreement.year
        ).select_related("agreement")
        self.fields["predecessor"].label_from_instance = lambda p: f"{p.agreement.year}: {p.title}"

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        others = self.agreement.parts.filter(slug=slug).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("Överenskommelsen har redan en del med kortnamnet ”%(slug)s”.") % {"slug": slug}
            )
        return slug


class PotForm(forms.ModelForm):
    class Meta:
        model = Pot
        fields = ["recipient_kind", "amount_sek", "key", "purpose"]

    def __init__(self, *args, part, **kwargs):
        super().__init__(*args, **kwargs)
        self.part = part
        self.fields["key"].queryset = part.agreement.keys.all()
        if self.instance.pk:
            del self.fields["recipient_kind"]

    def clean_amount_sek(self):
        amount = self.cleaned_data["amount_sek"]
        if amount < 0:
            raise forms.ValidationError(_("Beloppet måste vara ett heltal ≥ 0 kronor."))
        return amount

    def clean_recipient_kind(self):
        kind = self.cleaned_data["recipient_kind"]
        if self.part.pots.filter(recipient_kind=kind).exists():
            raise forms.ValidationError(_("Delen har redan en pott för den mottagartypen."))
        return kind

    def save(self, commit=True):
        self.instance.part = self.part
        return super().save(commit)


def predecessor_categories(pot):
    """The categories a category of `pot` may continue: those of the same recipient kind's pot in
    the part's predecessor (or the same slug) in the nearest earlier agreement."""
    part = pot.part
    previous = part.predecessor
    if previous is None:
        earlier = Agreement.objects.filter(year__lt=part.agreement.year).order_by("-year").first()
        previous = earlier.parts.filter(slug=part.slug).first() if earlier else None
    if previous is None:
        return Category.objects.filter(
            pot__part__agreement__year__lt=part.agreement.year,
            pot__recipient_kind=pot.recipient_kind,
        ).select_related("pot__part__agreement")
    return Category.objects.filter(
        pot__part=previous, pot__recipient_kind=pot.recipient_kind
    ).select_related("pot__part__agreement")


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ["title", "slug", "order", "predecessors"]
        widgets = {"predecessors": forms.CheckboxSelectMultiple}
        help_texts = {
            "slug": _lazy(
                "Kortnamnet är kategorins svarsalternativ i pottens enkät: ändras det behöver "
                "enkätens lista ändras och laddas upp igen."
            ),
            "predecessors": _lazy(
                "Kategorin jämförs med de kategorier som kryssas i (en om den bytt namn, flera om "
                "den slagits ihop). Utan någon börjar en ny serie."
            ),
        }

    def __init__(self, *args, pot, **kwargs):
        super().__init__(*args, **kwargs)
        self.pot = pot
        self.fields["predecessors"].queryset = predecessor_categories(pot)
        self.fields["predecessors"].label_from_instance = lambda c: (
            f"{c.pot.part.agreement.year}: {c.title}"
        )

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if self.pot.categories.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Potten har redan en kategori med kortnamnet ”%(slug)s”.") % {"slug": slug}
            )
        return slug

    def save(self, commit=True):
        self.instance.pot = self.pot
        return super().save(commit)


def agreement_problems(agreement):
    """What stops the agreement's allocations from being computed or adding up, in Swedish:
    pots over the total, pots without an amount, keys that cannot be computed."""
    problems = []
    pots = list(Pot.objects.filter(part__agreement=agreement).select_related("part", "key"))
    total = Pot.objects.filter(part__agreement=agreement).aggregate(t=Sum("amount_sek"))["t"] or 0
    if total > agreement.total_sek:
        problems.append(
            _("Potterna (%(pots)s kr) överstiger överenskommelsens totalbelopp (%(total)s kr).")
            % {"pots": sek(total), "total": sek(agreement.total_sek)}
        )
    for part in agreement.parts.all():
        if not any(p.part_id == part.pk for p in pots):
            problems.append(_("Delen ”%(part)s” har inga potter.") % {"part": part.title})
    for pot in pots:
        if pot.amount_sek == 0:
            problems.append(_("%(pot)s: beloppet är 0 kr.") % {"pot": pot})
        try:
            compute_pot(pot)
        except (AllocationError, MissingPopulation) as exc:
            problems.append(f"{pot}: {exc}")
    return problems
