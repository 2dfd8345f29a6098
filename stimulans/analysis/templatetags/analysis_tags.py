from django import template

from stimulans.lib.numbers import NO_VALUE, thousands

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
