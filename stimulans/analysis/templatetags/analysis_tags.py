from django import template
from django.utils.translation import gettext as _

from stimulans.lib.numbers import NO_VALUE, decimal, thousands

from ..charts import percent as _percent

register = template.Library()


@register.filter
def percent(value):
    """A share 0–1 as a Swedish percentage with one decimal, "–" when empty."""
    return _percent(value)


@register.filter
def change(value):
    """A change between two years with its sign, in Swedish form (+1 200, −3, 0); "–" when
    there is nothing to compare with."""
    if value is None:
        return NO_VALUE
    sign = "+" if value > 0 else "\u2212" if value < 0 else ""
    return f"{sign}{thousands(abs(value))}"


@register.filter
def signed(value):
    """A change in whole numbers with its sign (+3, −2, ±0), "–" when empty."""
    if value is None:
        return "–"
    if value == 0:
        return "±0"
    text = thousands(abs(value))
    return f"+{text}" if value > 0 else f"\u2212{text}"


@register.filter
def points(value):
    """A change of a share (0–1) in percentage points with its sign: +5,0 procentenheter."""
    if value is None:
        return "–"
    number = f"{abs(value) * 100:.1f}".replace(".", ",")
    sign = "±" if round(value * 1000) == 0 else ("+" if value > 0 else "\u2212")
    return _("%(sign)s%(n)s procentenheter") % {"sign": sign, "n": number}


@register.filter
def number(value):
    """A whole number in Swedish form with thousands separators (1 373), "–" when empty."""
    if value is None or value == "":
        return NO_VALUE
    return thousands(value)


@register.filter
def decimal_number(value):
    """A decimal number in Swedish form (1 234,5), "–" when empty."""
    return decimal(value)


@register.filter
def indicator_value(value, unit):
    """An indicator's value: a share as a percentage when the unit is %, else the number with its
    unit (an indicator on statistics, e.g. "per 1 000 invånare")."""
    if unit in ("%", "", None):
        return _percent(value)
    if value is None:
        return NO_VALUE
    return f"{decimal(round(value, 2))} {unit}"
