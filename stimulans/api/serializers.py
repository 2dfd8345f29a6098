"""JSON shapes of the API. Reports carry their answers keyed by the questionnaire's XLSForm field
names, exactly as the web form has them (see `stimulans.reporting.services`), with the
initiatives nested and the measures by code."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from stimulans.funds.models import Allocation
from stimulans.lib.numbers import NumberTooLarge, parse_int
from stimulans.reporting import services, xlsform
from stimulans.reporting.models import Report
from stimulans.reporting.services import plan_activities

# The largest whole number the database stores (BigIntegerField); larger ones are refused.
MAX_INT = 2**63 - 1
# At most this many initiatives in one report.
MAX_INITIATIVES = 1000


class OrganisationRefSerializer(serializers.Serializer):
    kind = serializers.CharField()
    code = serializers.CharField()
    name = serializers.CharField()
    county_code = serializers.CharField(source="county.code")


class AllocationSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer()
    year = serializers.IntegerField(source="pot.part.agreement.year")
    part = serializers.CharField(source="pot.part.slug")
    part_title = serializers.CharField(source="pot.part.title")
    recipient_kind = serializers.CharField(source="pot.recipient_kind")
    pot = serializers.IntegerField(source="pot_id")
    requested_sek = serializers.SerializerMethodField()

    class Meta:
        model = Allocation
        fields = [
            "id",
            "year",
            "part",
            "part_title",
            "recipient_kind",
            "pot",
            "organisation",
            "amount_sek",
            "requested_sek",
        ]

    def get_requested_sek(self, obj) -> int:
        return obj.requested_sek


class InitiativeSerializer(serializers.Serializer):
    """One initiative (insats). Unknown fields of the questionnaire's repeat are kept as given."""

    identifier = serializers.CharField(required=False, allow_blank=True, max_length=100)
    category = serializers.CharField(required=False, allow_blank=True)
    title = serializers.CharField(required=False, allow_blank=True)
    activities = serializers.CharField(required=False, allow_blank=True)
    goals = serializers.CharField(required=False, allow_blank=True)
    outputs = serializers.CharField(required=False, allow_blank=True)
    effects = serializers.CharField(required=False, allow_blank=True)
    effect_level = serializers.CharField(required=False, allow_blank=True)
    effect_measured = serializers.BooleanField(required=False, allow_null=True)
    measurement = serializers.CharField(required=False, allow_blank=True)
    funds_sek = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=MAX_INT
    )
    phase = serializers.CharField(required=False, allow_blank=True)
    within_agreement = serializers.BooleanField(required=False, allow_null=True)
    plan_activity = serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text=_(
            "Id för aktiviteten i länets publicerade handlingsplan som insatsen genomför; "
            "tomt eller null: ingen."
        ),
    )
    plan_activity_title = serializers.CharField(
        read_only=True, help_text=_("Aktivitetens år, område och rubrik (bara vid läsning).")
    )


# Read-only fields of an initiative: shown when read, ignored when sent back.
READ_ONLY_INITIATIVE_FIELDS = ("plan_activity_title",)


def initiative_payload(initiative):
    values = services.initiative_values(initiative)
    raw = (initiative.extra or {}).get("_raw", {})
    if "funds_sek" not in raw:
        values["funds_sek"] = initiative.funds_sek
    for flag in ("effect_measured", "within_agreement"):
        if flag not in raw:
            values[flag] = getattr(initiative, flag)
    if initiative.plan_activity_id is not None:
        values["plan_activity_title"] = plan_activities.activity_label(initiative.plan_activity)
    return values


class ReportSerializer(serializers.ModelSerializer):
    """A report as read: status, version (send it back when you update), answers, initiatives and
    measures."""

    organisation = OrganisationRefSerializer(read_only=True)
    year = serializers.IntegerField(source="pot.part.agreement.year", read_only=True)
    part = serializers.CharField(source="pot.part.slug", read_only=True)
    recipient_kind = serializers.CharField(source="pot.recipient_kind", read_only=True)
    answers = serializers.SerializerMethodField()
    initiatives = serializers.SerializerMethodField()
    measures = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "id",
            "year",
            "part",
            "recipient_kind",
            "pot",
            "organisation",
            "status",
            "version",
            "imported",
            "submitted_at",
            "approved_at",
            "return_comment",
            "answers",
            "initiatives",
            "measures",
            "updated_at",
        ]
        read_only_fields = fields

    def get_answers(self, obj) -> dict:
        values = services.report_values(obj)
        values.pop(xlsform.INITIATIVES, None)
        return values

    def get_initiatives(self, obj) -> list[dict]:
        return [initiative_payload(i) for i in obj.initiatives.all()]

    def get_measures(self, obj) -> dict:
        return {m.code: m.value for m in obj.measures.all()}


class ReportWriteSerializer(serializers.Serializer):
    """What a client sends. `answers` are keyed by XLSForm field name (as in the web form);
    `initiatives`, when sent, replace the report's list (matched by `identifier`); `measures` are
    by measure code. Drafts are stored as given; `submit` validates."""

    answers = serializers.DictField(required=False)
    initiatives = serializers.ListField(
        child=serializers.DictField(), required=False, max_length=MAX_INITIATIVES
    )
    measures = serializers.DictField(
        child=serializers.IntegerField(allow_null=True, min_value=0, max_value=MAX_INT),
        required=False,
    )

    def validate(self, attrs):
        """No NUL character anywhere (PostgreSQL stores none, in text or in JSON)."""
        for name in ("answers", "initiatives", "measures"):
            if name in attrs and _has_nul(attrs[name]):
                raise serializers.ValidationError(
                    {name: _("Texten innehåller ett otillåtet tecken (NUL).")}
                )
        return attrs

    def validate_answers(self, value):
        if xlsform.INITIATIVES in value:
            raise serializers.ValidationError(_("Skicka insatserna i fältet ”initiatives”."))
        return value

    def validate_initiatives(self, rows):
        """Known fields are type-checked; other fields of the repeat pass through as given."""
        result, errors = [], {}
        for number, row in enumerate(rows):
            serializer = InitiativeSerializer(data=row)
            if serializer.is_valid():
                row = {k: v for k, v in row.items() if k not in READ_ONLY_INITIATIVE_FIELDS}
                result.append({**row, **serializer.validated_data})
            else:
                errors[number] = serializer.errors
        if errors:
            raise serializers.ValidationError(errors)
        return result

    def draft_data(self, report):
        """The data in the shape `services.save_draft` takes, for `report` (unsaved when it is
        about to be created: its organisation and pot are what count)."""
        pot = report.pot
        data = dict(self.validated_data.get("answers", {}))
        codes = {m.code for m in pot.measures.all()}
        numeric = set(xlsform.REPORT_INTEGER_FIELDS) | {
            xlsform.measure_field_name(c) for c in codes
        }
        for name in numeric & set(data):
            if _too_large(data[name]):
                raise serializers.ValidationError(
                    {"answers": _("”%(name)s”: talet är för stort.") % {"name": name}}
                )
        for code, value in self.validated_data.get("measures", {}).items():
            if code not in codes:
                raise NotInThisPot(
                    {
                        "measures": _("Okänt mått ”%(code)s” för den här redovisningen.")
                        % {"code": code}
                    }
                )
            data[xlsform.measure_field_name(code)] = value
        if "initiatives" in self.validated_data:
            _check_plan_activities(self.validated_data["initiatives"], report)
            data[xlsform.INITIATIVES] = [
                {k: _form_value(v) for k, v in row.items()}
                for row in self.validated_data["initiatives"]
            ]
        return data


class NotInThisPot(serializers.ValidationError):
    """Well-formed, but not for this report: a measure that its pot does not collect, a plan
    activity not of the county's published plan (which the schema cannot say). 422
    Unprocessable Content."""

    status_code = 422


def _check_plan_activities(rows, report):
    """Every initiative's `plan_activity` is empty or one of the activities the report's
    initiatives may name (the choices of the web form: the county's published plan for the
    year); NotInThisPot naming each initiative otherwise."""
    named = [(n, row.get("plan_activity")) for n, row in enumerate(rows)]
    named = [(n, value) for n, value in named if value not in (None, "")]
    if not named:
        return
    allowed = {value for value, _label in plan_activities.activity_choices(report)}
    errors = {
        n: {"plan_activity": [plan_activities.unknown_activity_message(value)]}
        for n, value in named
        if str(value).strip() not in allowed
    }
    if errors:
        raise NotInThisPot({"initiatives": errors})


def _has_nul(value):
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


def _too_large(value):
    """A whole number the database cannot store (text that is not a number is kept as typed)."""
    try:
        parse_int(value)
    except NumberTooLarge:
        return True
    except (TypeError, ValueError):
        return False
    return False


def _form_value(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else value


class ReportCreateSerializer(ReportWriteSerializer):
    pot = serializers.IntegerField(required=False, help_text=_("Pottens id, eller year och part."))
    year = serializers.IntegerField(required=False)
    # Blank allowed: a part of only control characters is blank once they are removed
    # (CleanInputMiddleware), and names no pot (404) like any other unknown part.
    part = serializers.CharField(required=False, allow_blank=True)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if "pot" not in attrs and not ("year" in attrs and "part" in attrs):
            raise serializers.ValidationError(_("Ange pot, eller year och part."))
        return attrs


class ReportUpdateSerializer(ReportWriteSerializer):
    version = serializers.IntegerField(
        help_text=_("Versionen du utgår från; en äldre version ger 409.")
    )


class SubmitSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False)


class IssueSerializer(serializers.Serializer):
    message = serializers.CharField()
    field = serializers.CharField(allow_null=True)
    initiative = serializers.IntegerField(allow_null=True)
