"""Periods of several years (`Period`): an agreement that spans several years, with the amount
it states per year, and the agencies' commission period that groups years for analysis. The
administrator's form and its checks: years in order, at most `MAX_YEARS` years, no overlap
with another period of the same kind, yearly amounts ("2021: 2 500 000 000", one a line) in
whole kronor for years of the period only."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stimulans.lib.numbers import parse_int, sek, thousands
from stimulans.lib.text import is_digits

from .models import Agreement, Period, PeriodKind

MAX_YEARS = 10
FIRST_YEAR, LAST_YEAR = 2000, 2100


def amounts_text(amounts):
    """{"2021": kronor} as the form's lines."""
    return "\n".join(f"{year}: {thousands(amount)}" for year, amount in sorted(amounts.items()))


def parse_amounts(text, years):
    """The form's lines as {"2021": kronor}; ValidationError naming each bad line."""
    amounts = {}
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        year, sep, amount = line.partition(":")
        year = year.strip()
        try:
            value = parse_int(amount) if sep else None
        except ValueError:
            value = None
        if not sep or not is_digits(year) or value is None or value < 0:
            errors.append(
                _("Rad %(line)d: skriv år och belopp i hela kronor, t.ex. ”2021: 2 500 000”.")
                % {"line": number}
            )
        elif int(year) not in years:
            errors.append(
                _("Rad %(line)d: %(year)s ligger utanför perioden.")
                % {"line": number, "year": year}
            )
        elif year in amounts:
            errors.append(
                _("Rad %(line)d: %(year)s står redan på en tidigare rad.")
                % {"line": number, "year": year}
            )
        else:
            amounts[year] = value
    if errors:
        raise forms.ValidationError(errors)
    return amounts


class PeriodForm(forms.ModelForm):
    amounts = forms.CharField(
        label=gettext_lazy("Belopp per år enligt överenskommelsen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "En rad per år, t.ex. ”2021: 2 500 000 000”. Bara för en överenskommelse över flera år."
        ),
    )

    class Meta:
        model = Period
        fields = ["kind", "title", "first_year", "last_year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amounts"].initial = amounts_text(self.instance.yearly_amounts or {})
        for name in ("first_year", "last_year"):
            self.fields[name].min_value = FIRST_YEAR
            self.fields[name].widget.attrs.update(min=FIRST_YEAR, max=LAST_YEAR)

    def clean(self):
        data = super().clean()
        first, last, kind = data.get("first_year"), data.get("last_year"), data.get("kind")
        if first is None or last is None or kind is None:
            return data
        if not (FIRST_YEAR <= first <= LAST_YEAR and FIRST_YEAR <= last <= LAST_YEAR):
            raise forms.ValidationError(
                _("Åren måste ligga mellan %(first)d och %(last)d.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        if last < first:
            self.add_error("last_year", _("Sista året kan inte komma före det första."))
            return data
        if last - first + 1 > MAX_YEARS:
            self.add_error("last_year", _("En period är högst %(n)d år.") % {"n": MAX_YEARS})
            return data
        overlapping = (
            Period.objects.filter(kind=kind, first_year__lte=last, last_year__gte=first)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if overlapping is not None:
            raise forms.ValidationError(
                _("Perioden överlappar ”%(other)s”.") % {"other": overlapping}
            )
        text = data.get("amounts") or ""
        if text.strip() and kind != PeriodKind.AGREEMENT:
            self.add_error(
                "amounts", _("Belopp per år hör bara till en överenskommelse över flera år.")
            )
            return data
        try:
            data["yearly_amounts"] = parse_amounts(text, range(first, last + 1))
        except forms.ValidationError as exc:
            self.add_error("amounts", exc)
        return data

    def save(self, commit=True):
        self.instance.yearly_amounts = self.cleaned_data.get("yearly_amounts") or {}
        return super().save(commit)


def period_years(period):
    """The period's years: the amount it states and the year's agreement (None if none yet)
    with its total, and whether they differ."""
    agreements = {a.year: a for a in Agreement.objects.filter(year__in=period.years)}
    rows = []
    for year in period.years:
        agreement = agreements.get(year)
        stated = period.amount_for(year)
        rows.append(
            {
                "year": year,
                "stated_sek": stated,
                "agreement": agreement,
                "differs": stated is not None
                and agreement is not None
                and stated != agreement.total_sek,
            }
        )
    return rows


def agreement_periods(agreement):
    """The periods that include the agreement's year, each with the year's place in it and,
    for an agreement period, the amount it states for the year (as text)."""
    rows = []
    for period in Period.objects.covering(agreement.year):
        stated = period.amount_for(agreement.year)
        rows.append(
            {
                "period": period,
                "place": agreement.year - period.first_year + 1,
                "length": len(period.years),
                "stated": None if stated is None else sek(stated),
                "differs": stated is not None and stated != agreement.total_sek,
            }
        )
    return rows
