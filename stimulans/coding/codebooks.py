"""The codebook of a part: made from the part's categories and the fixed effect levels and
link qualities, edited by the analysts, versioned once coding has started."""

from django.db import transaction
from django.utils.translation import gettext as _

from stimulans.analysis.models import InitiativeCoding, LinkQuality
from stimulans.funds.models import Category
from stimulans.reporting.models import EffectLevel

from .models import Codebook, CodebookChange, CodebookEntry, CoderCode, Dimension

ENTRY_FIELDS = ["title", "definition", "inclusion", "exclusion", "examples"]


def default_entries(part):
    """(dimension, code, title) of a new codebook: the categories of the part's pots (by slug;
    pots of one part share slugs), the effect levels and the link qualities."""
    seen = {}
    for category in Category.objects.filter(pot__part=part).order_by("order", "pk"):
        seen.setdefault(category.slug, category.title)
    rows = [(Dimension.CATEGORY, slug, title) for slug, title in seen.items()]
    rows += [(Dimension.EFFECT_LEVEL, v, str(label)) for v, label in EffectLevel.choices]
    rows += [(Dimension.LINK_QUALITY, v, str(label)) for v, label in LinkQuality.choices]
    return rows


def codebook_for(part):
    """The part's codebook, made with its default entries the first time."""
    codebook, created = Codebook.objects.get_or_create(part=part)
    if created:
        CodebookEntry.objects.bulk_create(
            CodebookEntry(codebook=codebook, dimension=d, code=c, title=t, order=i)
            for i, (d, c, t) in enumerate(default_entries(part))
        )
    return codebook


def coding_started(part):
    return (
        CoderCode.objects.filter(initiative__report__pot__part=part).exists()
        or InitiativeCoding.objects.filter(initiative__report__pot__part=part).exists()
    )


@transaction.atomic
def update_entries(codebook, changes, user=None):
    """Apply {(dimension, code): {field: text}} to the codebook; entries not there yet are
    added. A change after coding has started moves the version on and is recorded. Returns the
    list of changed entries' names."""
    entries = {(e.dimension, e.code): e for e in codebook.entries.all()}
    changed = []
    for (dimension, code), fields in changes.items():
        entry = entries.get((dimension, code))
        if entry is None:
            entry = CodebookEntry(
                codebook=codebook, dimension=dimension, code=code, order=len(entries)
            )
            entries[(dimension, code)] = entry
        elif all(getattr(entry, f) == fields.get(f, getattr(entry, f)) for f in ENTRY_FIELDS):
            continue
        for name in ENTRY_FIELDS:
            if name in fields:
                setattr(entry, name, fields[name])
        if not entry.title:
            entry.title = code
        entry._history_user = user
        entry.save()
        changed.append(f"{entry.get_dimension_display()}: {entry.title}")
    if changed and coding_started(codebook.part):
        codebook.version += 1
        codebook.save(update_fields=["version", "updated_at"])
        CodebookChange.objects.create(
            codebook=codebook,
            version=codebook.version,
            description=_("Ändrat: %(entries)s") % {"entries": "; ".join(changed)},
            changed_by=user,
        )
    return changed


def entries_by_dimension(codebook):
    grouped: dict[str, list[CodebookEntry]] = {d: [] for d in Dimension.values}
    for entry in codebook.entries.all():
        grouped[entry.dimension].append(entry)
    return grouped
