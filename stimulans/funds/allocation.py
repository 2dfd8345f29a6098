"""Splitting a pot into whole kronor: plain functions, no HTTP, no database.

The largest-remainder method: every recipient first gets its exact proportional share rounded
down; the kronor left over go one each to the recipients with the largest fractional remainders,
ties broken by ascending organisation code. The amounts add up to the pot exactly and no
recipient is more than one krona from its exact share.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _


class AllocationError(ValueError):
    pass


@dataclass(frozen=True)
class Share:
    """One recipient's weight; `tie_key` orders equal remainders (the organisation code)."""

    tie_key: tuple
    weight: Fraction


def _fraction(weight):
    if isinstance(weight, Fraction):
        return weight
    if isinstance(weight, float):
        raise TypeError("weights must be exact (int, Decimal or Fraction), not float")
    if isinstance(weight, Decimal):
        return Fraction(weight)
    return Fraction(weight)


def largest_remainder(amount: int, shares: list[Share]) -> list[int]:
    """Split `amount` whole kronor over `shares`; returns the amounts in the order given."""
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
        raise AllocationError(_("Beloppet måste vara ett heltal ≥ 0 kronor."))
    weights = [_fraction(s.weight) for s in shares]
    if any(w < 0 for w in weights):
        raise AllocationError(_("Vikterna får inte vara negativa."))
    total = sum(weights, Fraction(0))
    if total == 0:
        raise AllocationError(_("Vikterna summerar till noll."))
    exact = [amount * w / total for w in weights]
    floors = [e.numerator // e.denominator for e in exact]
    left = amount - sum(floors)
    order = sorted(range(len(shares)), key=lambda i: (-(exact[i] - floors[i]), shares[i].tie_key))
    for i in order[:left]:
        floors[i] += 1
    return floors


def allocate_with_base(amount: int, base: int, shares: list[Share]) -> list[int]:
    """A fixed base amount per recipient, the rest split by weight (largest remainder)."""
    if base < 0:
        raise AllocationError(_("Grundbeloppet får inte vara negativt."))
    rest = amount - base * len(shares)
    if rest < 0:
        raise AllocationError(
            _("Grundbeloppen (%(n)d × %(base)d kr) överstiger pottens %(amount)d kr.")
            % {"n": len(shares), "base": base, "amount": amount}
        )
    return [base + a for a in largest_remainder(rest, shares)]
