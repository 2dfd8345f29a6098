"""The API's list filters (django-filter): every value is checked, so an unknown year, part,
organisation or county answers 400 naming the parameter instead of an empty list. The values
that exist are read from the database when a request is checked and when the schema is built
(`schema.enums_from_database`)."""

from datetime import UTC, datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from stimulans.funds.models import Agreement, AgreementPart, Allocation
from stimulans.organisations.models import County, Organisation, OrganisationKind
from stimulans.reporting.models import Report, ReportStatus


def year_choices():
    years = Agreement.objects.order_by("year").values_list("year", flat=True)
    return [(str(y), str(y)) for y in years]


def part_choices():
    slugs = AgreementPart.objects.order_by("slug").values_list("slug", flat=True).distinct()
    return [(s, s) for s in slugs]


def organisation_code_choices():
    codes = Organisation.objects.order_by("code").values_list("code", flat=True).distinct()
    return [(c, c) for c in codes]


def county_choices():
    return [(c, c) for c in County.objects.order_by("code").values_list("code", flat=True)]


# The parameters whose values come from the database: name -> (choices, JSON type).
DATABASE_CHOICES = {
    "year": (year_choices, "integer"),
    "part": (part_choices, "string"),
    "org_code": (organisation_code_choices, "string"),
    "county": (county_choices, "string"),
}


class DateTimeField(forms.Field):
    """An ISO 8601 / RFC 3339 date-time (`2021-03-02T10:15:00+01:00`, `…Z`); without a zone
    in Swedish time."""

    default_error_messages = {
        "invalid": _("Ange en tidpunkt enligt ISO 8601, t.ex. 2021-03-02T10:15:00+01:00.")
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            parsed = datetime.fromisoformat(str(value).strip().upper().replace("Z", "+00:00"))
        except ValueError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        # In UTC: Python takes offsets up to ±24 hours, PostgreSQL only up to ±16.
        return parsed.astimezone(UTC)


@extend_schema_field(OpenApiTypes.DATETIME)
class UpdatedSinceFilter(django_filters.Filter):
    field_class = DateTimeField


def _choice(field_name, choices, help_text):
    return django_filters.ChoiceFilter(field_name=field_name, choices=choices, label=help_text)


class StrictFilterSet(django_filters.FilterSet):
    """A parameter sent empty (`?year=`) is refused too, not read as no filter."""

    def is_valid(self):
        valid = super().is_valid()
        for name in self.filters:
            if name in self.data and not str(self.data.get(name, "")).strip():
                self.form.add_error(name, _("Ange ett värde."))
                valid = False
        return valid


class AllocationFilter(StrictFilterSet):
    year = _choice("pot__part__agreement__year", year_choices, _("Överenskommelsens år"))
    part = _choice("pot__part__slug", part_choices, _("Delens kortnamn"))
    recipient_kind = _choice(
        "pot__recipient_kind", OrganisationKind.choices, _("Mottagartyp för potten")
    )
    org_kind = _choice("organisation__kind", OrganisationKind.choices, _("Organisationens typ"))
    org_code = _choice("organisation__code", organisation_code_choices, _("Organisationens kod"))
    county = _choice("organisation__county__code", county_choices, _("Länskod"))
    updated_since = UpdatedSinceFilter(
        method="filter_updated_since",
        label=_("Bara fördelningar som räknats om eller rekvirerats från den här tidpunkten"),
    )

    class Meta:
        model = Allocation
        fields = ["year", "part", "recipient_kind", "org_kind", "org_code", "county"]

    def filter_updated_since(self, queryset, name, value):
        changed = Q(computed_at__gte=value) | Q(requisitions__requested_at__gte=value)
        return queryset.filter(pk__in=Allocation.objects.filter(changed).values("pk"))


class ReportFilter(AllocationFilter):
    status = _choice("status", ReportStatus.choices, _("Status"))
    updated_since = UpdatedSinceFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label=_("Bara redovisningar som sparats från den här tidpunkten"),
    )

    class Meta:
        model = Report
        fields = ["year", "part", "recipient_kind", "org_kind", "org_code", "county", "status"]
