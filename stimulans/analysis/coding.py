"""The analyst's coding of an initiative replaces the reporter's answers where it exists: the
one place that rule is written. Every figure, list and filter of the analysis reads the
effective values through `with_effective_coding`."""

from django.db.models import BooleanField, Case, F, Q, Value, When

CODED = Q(coding__isnull=False)


def with_effective_coding(queryset):
    """The Initiative queryset annotated with the effective values: `eff_category` (the
    category's id), `eff_level`, `eff_measured` (the analyst's coding where it exists, else the
    reporter's answers) and `is_coded`."""
    return queryset.annotate(
        eff_category=Case(When(CODED, then=F("coding__category")), default=F("category")),
        eff_level=Case(When(CODED, then=F("coding__effect_level")), default=F("effect_level")),
        eff_measured=Case(
            When(CODED, then=F("coding__effect_measured")),
            default=F("effect_measured"),
            output_field=BooleanField(),
        ),
        is_coded=Case(When(CODED, then=Value(True)), default=Value(False)),
    )
