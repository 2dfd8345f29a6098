from django import template

from ..charts import percent as _percent

register = template.Library()


@register.filter
def percent(value):
    """A share 0–1 as a Swedish percentage with one decimal, "–" when empty."""
    return _percent(value)
