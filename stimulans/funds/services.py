"""Business rules on funds that touch the database: loading agreements, allocating pots,
requisitions and set-asides. No HTTP here; pages, CLI and API call these."""

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from stimulans.lib import safe_yaml
from stimulans.lib.text import clean_data, clean_text
from stimulans.organisations.models import County, Organisation, OrganisationKind
from stimulans.organisations.population import MissingPopulation, population_by_organisation

from .allocation import AllocationError, Share, allocate_with_base, largest_remainder
from .models import (
    Agreement,
    AgreementPart,
    Allocation,
    AllocationKey,
    Category,
    KeyKind,
    Measure,
    Pot,
    Requisition,
    SetAside,
    SetAsideRule,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
AGREEMENT_2020 = DATA_DIR / "agreement-2020.yaml"


class AgreementFileError(ValueError):
    pass


def _key_from_slug(agreement, slug):
    """Keys named in agreement files: `population`, `population-A-B` (age band A–B)."""
    defaults = {"population_year": agreement.year - 1}
    if slug == "population":
        defaults["kind"] = KeyKind.POPULATION
    elif slug.startswith("population-"):
        try:
            low, high = (int(x) for x in slug.removeprefix("population-").split("-"))
        except ValueError as exc:
            raise AgreementFileError(
                _("Okänd fördelningsnyckel ”%(key)s”.") % {"key": slug}
            ) from exc
        defaults.update(kind=KeyKind.AGE_BAND, age_min=low, age_max=high)
    else:
        raise AgreementFileError(_("Okänd fördelningsnyckel ”%(key)s”.") % {"key": slug})
    key, _created = AllocationKey.objects.get_or_create(
        agreement=agreement, slug=slug, defaults=defaults
    )
    return key


@transaction.atomic
def load_agreement(data):
    """Create or update an agreement, its parts, keys, pots and categories from a dict in the
    shape of `agreement-2020.yaml`. All-or-nothing. Returns the agreement."""
    try:
        a = data["agreement"]
        agreement, _created = Agreement.objects.update_or_create(
            year=int(a["year"]), defaults={"title": a["title"], "total_sek": int(a["total_sek"])}
        )
        pot_total = 0
        for order, p in enumerate(a["parts"]):
            part, _created = AgreementPart.objects.update_or_create(
                agreement=agreement,
                slug=p["slug"],
                defaults={"title": p["title"], "aims": p.get("aims", ""), "order": order},
            )
            for q in p["pots"]:
                kind = q["recipient_kind"]
                if kind not in OrganisationKind.values:
                    raise AgreementFileError(
                        _("Del ”%(part)s”: okänd mottagartyp ”%(kind)s”.")
                        % {"part": p["slug"], "kind": kind}
                    )
                amount = q["amount_sek"]
                if not isinstance(amount, int) or amount < 0:
                    raise AgreementFileError(
                        _("Del ”%(part)s”: beloppet måste vara ett heltal ≥ 0 kronor.")
                        % {"part": p["slug"]}
                    )
                pot_total += amount
                pot, _created = Pot.objects.update_or_create(
                    part=part,
                    recipient_kind=kind,
                    defaults={
                        "amount_sek": amount,
                        "key": _key_from_slug(agreement, q["key"]),
                        "purpose": q.get("purpose", ""),
                    },
                )
                for c_order, c in enumerate(q.get("categories", [])):
                    Category.objects.update_or_create(
                        pot=pot, slug=c["slug"], defaults={"title": c["title"], "order": c_order}
                    )
        measures = {}
        for group, items in (a.get("measures") or data.get("measures") or {}).items():
            for m in items:
                measures[m["code"]], _created = Measure.objects.update_or_create(
                    agreement=agreement,
                    code=m["code"],
                    defaults={"group": group, "title": m["title"]},
                )
        for p in a["parts"]:
            for q in p["pots"]:
                groups = q.get("measures") or []
                pot = Pot.objects.get(
                    part__agreement=agreement,
                    part__slug=p["slug"],
                    recipient_kind=q["recipient_kind"],
                )
                pot.measures.set([m for m in measures.values() if m.group in groups])
        if pot_total > agreement.total_sek:
            raise AgreementFileError(
                _("Potterna (%(pots)d kr) överstiger överenskommelsens totalbelopp.")
                % {"pots": pot_total}
            )
    except (KeyError, TypeError) as exc:
        raise AgreementFileError(
            _("Filen följer inte formatet för en överenskommelse: %(err)s") % {"err": exc}
        ) from exc
    return agreement


def load_agreement_file(path_or_text):
    if isinstance(path_or_text, Path):
        path_or_text = path_or_text.read_text(encoding="utf-8")
    try:
        # Control characters are removed, written as they are or escaped ("\x01").
        data = clean_data(safe_yaml.load(clean_text(path_or_text)))
    except safe_yaml.TooLarge as exc:
        raise AgreementFileError(exc.message) from exc
    except yaml.YAMLError as exc:
        raise AgreementFileError(_("Filen är inte giltig YAML: %(err)s") % {"err": exc}) from exc
    if not isinstance(data, dict):
        raise AgreementFileError(_("Filen följer inte formatet för en överenskommelse."))
    return load_agreement(data)


def load_agreement_2020():
    return load_agreement_file(AGREEMENT_2020)


def pot_weights(pot):
    """{organisation: weight} for the pot's key."""
    key = pot.key
    if key.kind == KeyKind.WEIGHTS:
        return {
            w.organisation: w.weight
            for w in key.weights.select_related("organisation").filter(
                organisation__kind=pot.recipient_kind
            )
        }
    if key.kind == KeyKind.AGE_BAND:
        return population_by_organisation(
            key.population_year, pot.recipient_kind, key.age_min, key.age_max
        )
    return population_by_organisation(key.population_year, pot.recipient_kind)


def compute_pot(pot):
    """The pot's split as [(organisation, weight, amount_sek)], ordered by organisation code."""
    weights = sorted(pot_weights(pot).items(), key=lambda item: item[0].code)
    if not weights:
        raise AllocationError(
            _("Fördelningsnyckeln har inga mottagare för %(pot)s.") % {"pot": pot}
        )
    shares = [Share(tie_key=(org.code,), weight=Decimal(w)) for org, w in weights]
    if pot.key.kind == KeyKind.BASE_PLUS_POPULATION:
        amounts = allocate_with_base(pot.amount_sek, pot.key.base_amount_sek or 0, shares)
    else:
        amounts = largest_remainder(pot.amount_sek, shares)
    return [(org, w, amount) for (org, w), amount in zip(weights, amounts, strict=True)]


@transaction.atomic
def allocate_pot(pot):
    """Compute and store the pot's allocations; existing ones are updated in place, so
    requisitions made against them are kept."""
    rows = compute_pot(pot)
    existing = {a.organisation_id: a for a in pot.allocations.all()}
    keep = set()
    for org, weight, amount in rows:
        keep.add(org.pk)
        alloc = existing.get(org.pk)
        if alloc is None:
            Allocation.objects.create(pot=pot, organisation=org, amount_sek=amount, weight=weight)
        elif alloc.amount_sek != amount or alloc.weight != weight:
            alloc.amount_sek = amount
            alloc.weight = weight
            alloc.save()
    stale = [a for org_id, a in existing.items() if org_id not in keep]
    for a in stale:
        if a.requisitions.exists():
            raise AllocationError(
                _("%(org)s har rekvirerat medel men ingår inte längre i fördelningen.")
                % {"org": a.organisation}
            )
        a.delete()
    return len(rows)


class AllocationProblem(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


@transaction.atomic
def allocate_agreement(agreement, progress=None):
    """Allocate every pot of the agreement; all or nothing. Returns the number of allocations.
    `progress(done, total)`, if given, is told after each pot."""
    errors = []
    count = 0
    pots = list(Pot.objects.filter(part__agreement=agreement).select_related("part", "key"))
    for done, pot in enumerate(pots, 1):
        try:
            count += allocate_pot(pot)
        except (AllocationError, MissingPopulation) as exc:
            errors.append(f"{pot}: {exc}")
        if progress:
            progress(done, len(pots))
    if errors:
        transaction.set_rollback(True)
        raise AllocationProblem(errors)
    return count


@dataclass
class AllocationPreview:
    """What recomputing an agreement's allocations would do, before it is done."""

    existing: int = 0  # allocations stored now
    changed: int = 0  # of which the amount would change
    added: int = 0
    removed: int = 0
    requisitions: int = 0
    requisitioned_sek: int = 0
    reports: int = 0
    # [(allocation, new amount)] where more is already requisitioned than the new amount
    overdrawn: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def needs_confirmation(self):
        """Recomputing is irreversible once money is requisitioned or reports are made."""
        return bool(self.requisitions or self.reports)


def preview_allocation(agreement):
    """The AllocationPreview of `allocate_agreement(agreement)`; nothing is saved."""
    preview = AllocationPreview()
    pots = Pot.objects.filter(part__agreement=agreement).select_related("part", "key")
    requisitions = Requisition.objects.filter(allocation__pot__part__agreement=agreement)
    preview.requisitions = requisitions.count()
    preview.requisitioned_sek = requisitions.aggregate(total=Sum("amount_sek"))["total"] or 0
    preview.reports = pots.aggregate(n=Count("reports"))["n"]
    requested = dict(
        requisitions.values("allocation")
        .annotate(total=Sum("amount_sek"))
        .values_list("allocation", "total")
    )
    for pot in pots:
        existing = {a.organisation_id: a for a in pot.allocations.select_related("organisation")}
        preview.existing += len(existing)
        try:
            rows = compute_pot(pot)
        except (AllocationError, MissingPopulation) as exc:
            preview.errors.append(f"{pot}: {exc}")
            continue
        new = {org.pk: amount for org, _weight, amount in rows}
        preview.added += len(new.keys() - existing.keys())
        preview.removed += len(existing.keys() - new.keys())
        for org_id, allocation in existing.items():
            amount = new.get(org_id, 0)
            if org_id in new and amount != allocation.amount_sek:
                preview.changed += 1
            if requested.get(allocation.pk, 0) > amount:
                preview.overdrawn.append((allocation, amount))
    return preview


class RequisitionError(ValueError):
    pass


@transaction.atomic
def requisition(allocation, amount_sek, user, note=""):
    """Request `amount_sek` of an allocation. The total requested never exceeds the allocation."""
    allocation = Allocation.objects.select_for_update().get(pk=allocation.pk)
    if not isinstance(amount_sek, int) or amount_sek <= 0:
        raise RequisitionError(_("Beloppet måste vara ett heltal större än noll."))
    remaining = allocation.amount_sek - allocation.requested_sek
    if amount_sek > remaining:
        raise RequisitionError(
            _("Beloppet %(amount)s kr är mer än de %(remaining)s kr som återstår att rekvirera.")
            % {"amount": amount_sek, "remaining": remaining}
        )
    return Requisition.objects.create(
        allocation=allocation, amount_sek=amount_sek, requested_by=user, note=note
    )


def county_funds_requested(county, year):
    """Kronor requisitioned from the county recipient's pots in `year`."""
    return sum(
        r.amount_sek
        for r in Requisition.objects.filter(
            allocation__organisation__kind=OrganisationKind.COUNTY,
            allocation__organisation__county=county,
            allocation__pot__part__agreement__year=year,
        )
    )


@transaction.atomic
def set_aside(county, year, *, rule, percent=None, amount_sek=None, note=""):
    """Record a county's set-aside for its joint effort: a percentage of the county funds
    requisitioned that year (amount computed, rounded down to whole kronor) or a fixed amount."""
    if rule == SetAsideRule.PERCENT:
        if percent is None or not (Decimal(0) <= Decimal(percent) <= Decimal(100)):
            raise ValueError(_("Procentsatsen måste vara mellan 0 och 100."))
        base = county_funds_requested(county, year)
        amount_sek = int(base * Decimal(percent) / 100)
    else:
        if amount_sek is None or amount_sek < 0:
            raise ValueError(_("Beloppet måste vara ett heltal ≥ 0 kronor."))
        percent = None
    obj, _created = SetAside.objects.update_or_create(
        county=county,
        year=year,
        defaults={"rule": rule, "percent": percent, "amount_sek": amount_sek, "note": note},
    )
    return obj


def load_stockholm_set_asides():
    """Stockholm's set-asides 2016–2020 from the reference file, as recorded amounts."""
    data = yaml.safe_load((DATA_DIR / "stockholm-2020.yaml").read_text(encoding="utf-8"))
    county = County.objects.get(code="01")
    for row in data["joint_effort_set_aside"]:
        fixed = row["rule"] == "fixed"
        SetAside.objects.update_or_create(
            county=county,
            year=row["year"],
            defaults={
                "rule": SetAsideRule.FIXED if fixed else SetAsideRule.PERCENT,
                "percent": None if fixed else Decimal(4),
                "amount_sek": row["amount_sek"],
                "note": row["note"],
            },
        )


def organisation_by_kind_code(kind, code):
    return Organisation.objects.get(kind=kind, code=code)
