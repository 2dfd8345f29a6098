"""A new year's agreement from an earlier one: parts, keys (with their weights), pots, category
lists and measures are copied, dates and population years moved by the years between them, and
every copied part and category points back at the one it came from (the crosswalk between years).

`copy_agreement_funds` copies what lives in `funds`; the questionnaires are copied on top of it by
`reporting.agreement_copy`, the one entry point for the page and `stimulans copy-agreement`."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .models import (
    Agreement,
    AgreementPart,
    AllocationKey,
    AllocationWeight,
    Category,
    Measure,
    Period,
    PeriodKind,
    Pot,
)

MIN_YEAR = 2000
MAX_YEAR = 2100


class CopyError(ValueError):
    pass


@dataclass
class AgreementCopy:
    """The new agreement and, per copied pot, the pot it was copied from."""

    agreement: Agreement
    source: Agreement
    pots: dict[int, Pot] = field(default_factory=dict)  # source pot id -> new pot


def move_date(date: datetime.date | None, years: int) -> datetime.date | None:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    if date is None:
        return None
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)


def new_title(title: str, from_year: int, to_year: int) -> str:
    """The source's title with its year replaced, or the title with the new year appended."""
    if str(from_year) in title:
        return title.replace(str(from_year), str(to_year))
    return f"{title} {to_year}"


def check_years(from_year: int, to_year: int) -> Agreement:
    """The source agreement; CopyError in Swedish when it is missing or the target exists."""
    if not MIN_YEAR <= to_year <= MAX_YEAR:
        raise CopyError(
            _("Året %(year)s är inte ett giltigt år (%(min)s–%(max)s).")
            % {"year": to_year, "min": MIN_YEAR, "max": MAX_YEAR}
        )
    source = Agreement.objects.filter(year=from_year).first()
    if source is None:
        raise CopyError(_("Det finns ingen överenskommelse för %(year)s.") % {"year": from_year})
    if to_year == from_year:
        raise CopyError(_("Välj ett annat år än det som kopieras."))
    if Agreement.objects.filter(year=to_year).exists():
        raise CopyError(
            _("Det finns redan en överenskommelse för %(year)s; den skrivs inte över.")
            % {"year": to_year}
        )
    return source


def stated_total(year: int, default: int) -> int:
    """The amount an agreement over several years states for `year`, else `default`."""
    for period in Period.objects.covering(year).filter(kind=PeriodKind.AGREEMENT):
        amount = period.amount_for(year)
        if amount is not None:
            return amount
    return default


@transaction.atomic
def copy_agreement_funds(from_year: int, to_year: int) -> AgreementCopy:
    """Copy the agreement of `from_year` as the agreement of `to_year`. All-or-nothing;
    allocations and requisitions are not copied (they are computed for the new year). The
    total is the one an agreement over several years states for `to_year`, if any."""
    source = check_years(from_year, to_year)
    years = to_year - from_year
    agreement = Agreement.objects.create(
        year=to_year,
        title=new_title(source.title, from_year, to_year),
        total_sek=stated_total(to_year, source.total_sek),
        reporting_deadline=move_date(source.reporting_deadline, years),
    )
    keys = {}
    for key in source.keys.all():
        keys[key.pk] = AllocationKey.objects.create(
            agreement=agreement,
            slug=key.slug,
            kind=key.kind,
            age_min=key.age_min,
            age_max=key.age_max,
            base_amount_sek=key.base_amount_sek,
            population_year=key.population_year + years,
        )
        AllocationWeight.objects.bulk_create(
            AllocationWeight(key=keys[key.pk], organisation_id=w.organisation_id, weight=w.weight)
            for w in key.weights.all()
        )
    result = AgreementCopy(agreement=agreement, source=source)
    for part in source.parts.all():
        new_part = AgreementPart.objects.create(
            agreement=agreement,
            slug=part.slug,
            title=part.title,
            aims=part.aims,
            order=part.order,
            predecessor=part,
        )
        for pot in part.pots.all():
            new_pot = Pot.objects.create(
                part=new_part,
                recipient_kind=pot.recipient_kind,
                amount_sek=pot.amount_sek,
                key=keys[pot.key_id],
                purpose=pot.purpose,
            )
            result.pots[pot.pk] = new_pot
            for category in pot.categories.all():
                copy = Category.objects.create(
                    pot=new_pot, slug=category.slug, title=category.title, order=category.order
                )
                copy.predecessors.add(category)
    for measure in source.measures.prefetch_related("pots"):
        new_measure = Measure.objects.create(
            agreement=agreement, code=measure.code, group=measure.group, title=measure.title
        )
        new_measure.pots.set([result.pots[p.pk] for p in measure.pots.all()])
    return result
