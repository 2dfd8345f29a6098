"""The analysts' changes to the automatic text groups of a category: merging groups (under one
label), renaming one, and undoing a change. A group is named by any one of its keys, so a change
refers to what the analyst saw even if new reports have moved the groups since. The groups are
always those of the whole country (an override applies to every county's view)."""

from django.db import transaction
from django.utils.translation import gettext as _

from stimulans.lib.text import is_digits

from .flowcharts import category_initiatives, group_category, overrides_by_key
from .models import TextGroupOverride, TextKind

MAX_LABEL = TextGroupOverride._meta.get_field("label").max_length


class TextGroupError(ValueError):
    pass


def category_groupings(category):
    """{kind: Grouping} of the category's texts in the whole country."""
    part = category.pot.part
    rows = list(category_initiatives(part, None, [category.pk]))
    overrides = overrides_by_key([category.pk])
    return {
        kind: group_category(rows, kind, overrides.get((category.pk, kind), ()))
        for kind in TextKind.values
    }


def _clean_label(label):
    label = " ".join((label or "").split())
    if not label:
        raise TextGroupError(_("Skriv en benämning för gruppen."))
    if len(label) > MAX_LABEL:
        raise TextGroupError(_("Benämningen får vara högst %(n)d tecken lång.") % {"n": MAX_LABEL})
    return label


@transaction.atomic
def merge_groups(category, kind, keys, label, user):
    """Make the groups holding `keys` (one key per group) one group called `label`; with one
    group this renames it. Returns the TextGroupOverride."""
    if kind not in TextKind.values:
        raise TextGroupError(_("Okänd ruta i flödesschemat."))
    if not keys:
        raise TextGroupError(_("Markera minst en grupp."))
    label = _clean_label(label)
    grouping = category_groupings(category)[kind]
    members, override_ids = set(), set()
    for key in keys:
        n = grouping.group_of_key.get(key)
        if n is None:
            raise TextGroupError(
                _("En av de markerade grupperna finns inte längre. Ladda om sidan och försök igen.")
            )
        group = grouping.groups[n]
        members |= set(group.keys)
        if group.override_id is not None:
            override_ids.add(group.override_id)
    existing = list(
        TextGroupOverride.objects.select_for_update()
        .filter(category=category, kind=kind)
        .order_by("pk")
    )
    kept = next((o for o in existing if o.pk in override_ids), None)
    for other in existing:
        if other is kept:
            continue
        if other.pk in override_ids:
            other._history_user = user
            other.delete()
        elif members & set(other.keys):  # a key belongs to one group only
            other.keys = sorted(set(other.keys) - members)
            other.changed_by = user
            other._history_user = user
            other.save()
    override = kept or TextGroupOverride(category=category, kind=kind)
    override.keys = sorted(members)
    override.label = label
    override.changed_by = user
    override._history_user = user
    override.save()
    return override


@transaction.atomic
def undo_group(category, override_id, user):
    """Remove an analyst's group: its texts are grouped automatically again."""
    override = None
    if is_digits(str(override_id or "")):
        override = TextGroupOverride.objects.filter(category=category, pk=override_id).first()
    if override is None:
        raise TextGroupError(_("Gruppen finns inte längre. Ladda om sidan och försök igen."))
    override._history_user = user
    override.delete()
