from django import template

from stimulans.analysis.templatetags.analysis_tags import percent
from stimulans.lib import numbers

register = template.Library()

register.filter("share", percent)
register.filter("thousands", numbers.thousands)


@register.filter
def ratio(value):
    """Kappa or alpha with two decimals in Swedish form (0,74), a dash when undefined."""
    if value is None:
        return numbers.NO_VALUE
    return numbers.decimal(f"{value:.2f}")


@register.filter
def confidence(value):
    """A probability 0–1 as a whole percentage (83 %), a dash when there is none."""
    if value is None:
        return numbers.NO_VALUE
    return f"{round(value * 100)}\u00a0%"
