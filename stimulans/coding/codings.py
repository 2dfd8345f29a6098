"""Every coder's code of an initiative and the final coding it leads to.

- A coder who is not the second coder of a sample holding the initiative codes as first coder;
  that code becomes the final coding (`analysis.InitiativeCoding`) at once, as before.
- The second coder of a sample codes blind: the others' codes and the final coding are hidden
  from that coder until both have coded, and the first coder does not see the second's code
  before that either. The second code never changes the final coding by itself.
- Adjudication of a disagreement records the adjudicated code and makes it the final coding.
Every code keeps its history (django-simple-history)."""

from django.db import transaction

from stimulans.analysis.models import InitiativeCoding

from .codebooks import codebook_for
from .models import CoderCode, CoderRole, Dimension, DoubleCodingSample

VALUE_FIELDS = [
    "category",
    "effect_level",
    "effect_measured",
    "link_quality",
    "phase",
    "within_agreement",
]

CHOICE_FIELDS = ("effect_level", "link_quality", "phase")


def samples_with(initiative):
    return DoubleCodingSample.objects.filter(initiatives=initiative)


def is_second_coder(initiative, user):
    return samples_with(initiative).filter(second_coder=user).exists()


def both_coded(initiative):
    roles = set(CoderCode.objects.filter(initiative=initiative).values_list("role", flat=True))
    return {CoderRole.FIRST, CoderRole.SECOND} <= roles


def is_blind(initiative, user):
    """Whether `user` must not see the other coders' codes of the initiative yet."""
    if not samples_with(initiative).exists() or both_coded(initiative):
        return False
    return True


def _set_final(initiative, values, user):
    coding = InitiativeCoding.objects.filter(initiative=initiative).first()
    if coding is None:
        coding = InitiativeCoding(initiative=initiative)
    for name in VALUE_FIELDS:
        value = values.get(name)
        if name == "effect_measured":
            value = bool(value)
        elif name in CHOICE_FIELDS:
            value = value or ""
        setattr(coding, name, value)
    coding.coded_by = user
    coding._history_user = user
    coding.save()
    return coding


@transaction.atomic
def save_code(initiative, user, values, from_suggestion=False, role=None):
    """Record `user`'s code of the initiative ({field: value} of VALUE_FIELDS, category a
    Category or None) and, for a first coder, the final coding."""
    if role is None:
        role = CoderRole.SECOND if is_second_coder(initiative, user) else CoderRole.FIRST
    codebook = codebook_for(initiative.report.pot.part)
    code = coder_code(initiative, user, "", role)
    set_values(code, values)
    code.codebook_version = codebook.version
    code.from_suggestion = from_suggestion
    code._history_user = user
    code.save()
    if role in (CoderRole.FIRST, CoderRole.ADJUDICATED):
        _set_final(initiative, values, user)
    return code


def coder_code(initiative, user, external, role):
    """The coder's code of the initiative in that role, unsaved if there is none yet."""
    key = {"initiative": initiative, "coder": user, "external_coder": external, "role": role}
    return CoderCode.objects.filter(**key).first() or CoderCode(**key)


def set_values(code, values):
    """Set a CoderCode's values: an empty choice is "", an uncoded yes/no None."""
    for name in VALUE_FIELDS:
        value = values.get(name)
        if name in CHOICE_FIELDS:
            value = value or ""
        setattr(code, name, value)


def adjudicate(initiative, user, values):
    """The adjudicated code: recorded, and the final coding."""
    return save_code(initiative, user, values, role=CoderRole.ADJUDICATED)


def codes_of(initiative):
    return list(
        CoderCode.objects.filter(initiative=initiative)
        .select_related("coder", "category")
        .order_by("role", "pk")
    )


def dimension_value(values, dimension):
    value = values.get(dimension)
    if dimension == Dimension.CATEGORY:
        return value.slug if value is not None else None
    return None if value in ("", None) else value


SUGGESTED = ("category", "effect_level", "link_quality")


def is_obvious(suggestion, threshold):
    """Every dimension the suggestion gives is at least `threshold` (0–1) confident."""
    given = [
        getattr(suggestion, f"{d}_confidence")
        for d in SUGGESTED
        if getattr(suggestion, f"{d}_id" if d == "category" else d)
    ]
    return bool(given) and all(c is not None and c >= threshold for c in given)


def acceptable(initiatives, threshold=None):
    """[(initiative, suggestion)] of the initiatives without a final coding that have a
    suggestion (with `threshold`, only the obvious ones): what a bulk acceptance codes. An
    initiative already coded keeps its coding: a bulk action never overwrites an analyst's."""
    from .models import Suggestion

    pending = initiatives.filter(coding__isnull=True)
    suggestions = {
        s.initiative_id: s
        for s in Suggestion.objects.filter(initiative__in=pending).select_related("category")
    }
    return [
        (initiative, suggestions[initiative.pk])
        for initiative in pending.select_related("report__pot__part")
        if initiative.pk in suggestions
        and (threshold is None or is_obvious(suggestions[initiative.pk], threshold))
    ]


@transaction.atomic
def accept_suggestions(pairs, user):
    """The suggestions become `user`'s codes, recorded as accepted suggestions. Returns how
    many."""
    for initiative, suggestion in pairs:
        save_code(
            initiative,
            user,
            {
                "category": suggestion.category,
                "effect_level": suggestion.effect_level,
                "link_quality": suggestion.link_quality,
            },
            from_suggestion=True,
        )
    return len(pairs)
