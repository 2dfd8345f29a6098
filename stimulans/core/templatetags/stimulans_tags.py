from django import template

register = template.Library()


@register.filter
def sek(value):
    """Whole kronor with Swedish thousands separators: 1 234 567."""
    if value is None or value == "":
        return "–"
    return f"{int(value):,}".replace(",", "\u00a0")


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
