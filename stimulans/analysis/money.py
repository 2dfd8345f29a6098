"""Money followed through: per pot, per county and nationally, the funds allocated
(`funds.Allocation`) and requisitioned (`funds.Requisition`), what the counted reports say was
received, carried over from the year before and used (`Report.funds_*`), and what their
initiatives within the agreement put on activities (`Initiative.funds_sek`, the effective
within-agreement of `Initiative.objects.with_effective_coding()`); the gap between the funds
used and the funds on initiatives; the organisations whose counted report states no funds used;
the previous year side by side.

Sums over counted reports only (`Report.objects.counted()`), 0 where nothing was reported. One
grouped query per source (allocations, requisitions, reports, initiatives), grouped by pot and
county, and one for the organisations without use."""

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from stimulans.funds.models import Agreement, Allocation, Pot, Requisition
from stimulans.organisations.models import County
from stimulans.reporting.models import Initiative, Report

from .lookups import county_filter

# The money fields of a pot or county row, in the order of the JSON contract.
FIELDS = (
    "allocated_sek",
    "requisitioned_sek",
    "received_sek",
    "carried_over_sek",
    "used_sek",
    "initiatives_sek",
    "reports",
)

LABELS = {
    "allocated_sek": _("Fördelade medel (kr)"),
    "requisitioned_sek": _("Rekvirerade medel (kr)"),
    "received_sek": _("Erhållna medel enligt redovisningen (kr)"),
    "carried_over_sek": _("Överförda medel från föregående år (kr)"),
    "used_sek": _("Använda medel enligt redovisningen (kr)"),
    "initiatives_sek": _("Medel på insatser inom överenskommelsen (kr)"),
    "gap_sek": _("Använda medel som inte ligger på någon insats (kr)"),
    "reports": _("Redovisningar"),
}


@dataclass
class Money:
    """The sums of one pot, one county of a pot, or the whole year."""

    allocated_sek: int = 0
    requisitioned_sek: int = 0
    received_sek: int = 0
    carried_over_sek: int = 0
    used_sek: int = 0
    initiatives_sek: int = 0
    reports: int = 0

    @property
    def gap_sek(self) -> int:
        """Funds reported as used that no initiative within the agreement accounts for
        (negative where the initiatives account for more than was reported used)."""
        return self.used_sek - self.initiatives_sek

    def add(self, other: "Money") -> None:
        for name in FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in FIELDS}


@dataclass
class CountyMoney:
    county: str  # the county's code
    name: str
    money: Money


@dataclass
class PotMoney:
    pot_id: int
    part: str  # the part's slug
    part_title: str
    org_kind: str
    org_kind_label: str
    money: Money
    counties: list[CountyMoney] = field(default_factory=list)


@dataclass(frozen=True)
class NoUse:
    """An organisation whose counted report states no funds used: none given (None) or 0."""

    report_id: int
    organisation: str
    county: str
    pot_id: int
    part_title: str
    org_kind_label: str
    received_sek: int | None
    used_sek: int | None


@dataclass
class YearMoney:
    year: int
    county: str | None
    pots: list[PotMoney]
    total: Money
    no_use: list[NoUse]


@dataclass(frozen=True)
class Change:
    """One figure of a pot this year and the year before."""

    field: str
    label: str
    previous: int
    current: int

    @property
    def change(self) -> int:
        return self.current - self.previous


@dataclass
class PotComparison:
    part_title: str
    org_kind_label: str
    rows: list[Change]


@dataclass
class MoneyAnalysis:
    """What the funds page and the status report show: the year, and the previous year's
    comparison (None when there is no previous year)."""

    current: YearMoney
    previous_year: int | None
    comparison: list[PotComparison] | None


def _cells(agreement: Agreement, county: str | None) -> dict[tuple[int, str], Money]:
    """{(pot id, county code): Money}, one grouped query per source."""
    cells: dict[tuple[int, str], Money] = defaultdict(Money)
    allocations = (
        Allocation.objects.filter(
            county_filter(county, "organisation__county__code"), pot__part__agreement=agreement
        )
        .order_by()
        .values_list("pot_id", "organisation__county__code")
        .annotate(total=Sum("amount_sek"))
    )
    for pot_id, code, total in allocations:
        cells[pot_id, code].allocated_sek = total
    requisitions = (
        Requisition.objects.filter(
            county_filter(county, "allocation__organisation__county__code"),
            allocation__pot__part__agreement=agreement,
        )
        .order_by()
        .values_list("allocation__pot_id", "allocation__organisation__county__code")
        .annotate(total=Sum("amount_sek"))
    )
    for pot_id, code, total in requisitions:
        cells[pot_id, code].requisitioned_sek = total
    reports = (
        Report.objects.counted()
        .filter(county_filter(county, "organisation__county__code"), pot__part__agreement=agreement)
        .order_by()
        .values_list("pot_id", "organisation__county__code")
        .annotate(
            received=Coalesce(Sum("funds_received_sek"), 0),
            carried=Coalesce(Sum("funds_carried_over_sek"), 0),
            used=Coalesce(Sum("funds_used_sek"), 0),
            n=Count("pk"),
        )
    )
    for pot_id, code, received, carried, used, n in reports:
        cell = cells[pot_id, code]
        cell.received_sek = received
        cell.carried_over_sek = carried
        cell.used_sek = used
        cell.reports = n
    initiatives = (
        Initiative.objects.counted()
        .filter(county_filter(county), report__pot__part__agreement=agreement)
        .with_effective_coding()
        .filter(eff_within=True)
        .order_by()
        .values_list("report__pot_id", "report__organisation__county__code")
        .annotate(total=Coalesce(Sum("funds_sek"), 0))
    )
    for pot_id, code, total in initiatives:
        cells[pot_id, code].initiatives_sek = total
    return cells


def _no_use(
    agreement: Agreement, county: str | None, visible: Collection[str] | None
) -> list[NoUse]:
    reports = Report.objects.counted().filter(
        Q(funds_used_sek__isnull=True) | Q(funds_used_sek=0),
        county_filter(county, "organisation__county__code"),
        pot__part__agreement=agreement,
    )
    if visible is not None:
        reports = reports.filter(organisation__county__code__in=list(visible))
    pots = {p.pk: p for p in Pot.objects.filter(part__agreement=agreement).select_related("part")}
    rows = reports.order_by(
        "pot__part__order", "pot_id", "organisation__kind", "organisation__code"
    ).values_list(
        "pk",
        "organisation__name",
        "organisation__county__code",
        "pot_id",
        "funds_received_sek",
        "funds_used_sek",
    )
    return [
        NoUse(
            report_id=pk,
            organisation=name,
            county=code,
            pot_id=pot_id,
            part_title=pots[pot_id].part.title,
            org_kind_label=str(pots[pot_id].get_recipient_kind_display()),
            received_sek=received,
            used_sek=used,
        )
        for pk, name, code, pot_id, received, used in rows
    ]


def money_by_pot(
    agreement: Agreement, county: str | None = None, visible: Collection[str] | None = None
) -> YearMoney:
    """The year's money per pot (in the agreement's order) with a row per county.

    `county` (a code) limits every figure to one county; `visible` (county codes, default all)
    limits only the county rows and the organisations without use, never the pot totals (see
    analysis.permissions)."""
    cells = _cells(agreement, county)
    counties = County.objects.order_by("code")
    if county:
        counties = counties.filter(code=county)
    county_rows = [(c.code, c.name) for c in counties]
    pots = []
    total = Money()
    for pot in (
        Pot.objects.filter(part__agreement=agreement)
        .select_related("part")
        .order_by("part__order", "part_id", "pk")
    ):
        money = Money()
        rows = []
        for code, name in county_rows:
            cell = cells.get((pot.pk, code)) or Money()
            money.add(cell)
            if visible is None or code in visible:
                rows.append(CountyMoney(code, name, cell))
        total.add(money)
        pots.append(
            PotMoney(
                pot_id=pot.pk,
                part=pot.part.slug,
                part_title=pot.part.title,
                org_kind=pot.recipient_kind,
                org_kind_label=str(pot.get_recipient_kind_display()),
                money=money,
                counties=rows,
            )
        )
    return YearMoney(
        year=agreement.year,
        county=county,
        pots=pots,
        total=total,
        no_use=_no_use(agreement, county, visible),
    )


def funds_json(agreement: Agreement, county: str | None = None) -> list[dict[str, Any]]:
    """The public shape (`stimulans funds --format json`, the publication snapshot): a list of
    pots {part, org_kind, allocated_sek, requisitioned_sek, received_sek, carried_over_sek,
    used_sek, initiatives_sek, reports, counties: [{county, …the same sums}]}, all ints."""
    return [
        {
            "part": pot.part,
            "org_kind": pot.org_kind,
            **pot.money.as_dict(),
            "counties": [{"county": c.county, **c.money.as_dict()} for c in pot.counties],
        }
        for pot in money_by_pot(agreement, county).pots
    ]


def compare_years(current: YearMoney, previous: YearMoney) -> list[PotComparison]:
    """The pots of both years (matched by part and recipient kind), every figure and the gap
    this year and the year before."""
    before = {(p.part, p.org_kind): p.money for p in previous.pots}
    result = []
    for pot in current.pots:
        old = before.get((pot.part, pot.org_kind))
        if old is None:
            continue
        rows = [
            Change(name, str(LABELS[name]), getattr(old, name), getattr(pot.money, name))
            for name in (*FIELDS[:-1], "gap_sek", "reports")
        ]
        result.append(PotComparison(pot.part_title, pot.org_kind_label, rows))
    return result


def money_analysis(
    agreement: Agreement, county: str | None = None, visible: Collection[str] | None = None
) -> MoneyAnalysis:
    """The year's money (see `money_by_pot`) and the comparison with the previous year where
    that agreement exists."""
    current = money_by_pot(agreement, county, visible)
    previous = Agreement.objects.filter(year=agreement.year - 1).first()
    if previous is None:
        return MoneyAnalysis(current, None, None)
    # Only the pot totals of the previous year are compared: no county rows, no list.
    before = money_by_pot(previous, county, visible=())
    return MoneyAnalysis(current, previous.year, compare_years(current, before))
