from django import template

from stimulans.lib import numbers

register = template.Library()

# Whole kronor in Swedish form (1 234 567), a dash for no value.
register.filter("sek", numbers.sek)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
