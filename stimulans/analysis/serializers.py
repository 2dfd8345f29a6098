"""The shapes of the analysis JSON (`/analys/api/...`): what the endpoints answer and what the
OpenAPI schema (/api/schema/) describes."""

from rest_framework import serializers

from .models import Indicator


class CountSerializer(serializers.Serializer):
    reported = serializers.IntegerField()
    total = serializers.IntegerField()


class KindCoverageSerializer(CountSerializer):
    org_kind = serializers.CharField()
    label = serializers.CharField()


class CountyCoverageSerializer(serializers.Serializer):
    county_code = serializers.CharField()
    name = serializers.CharField()
    region = CountSerializer()
    municipality = CountSerializer()
    county = CountSerializer()


class CoverageSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    national = KindCoverageSerializer(many=True)
    counties = CountyCoverageSerializer(many=True)


class LinkQualitySerializer(serializers.Serializer):
    target_group = serializers.IntegerField()
    organisation = serializers.IntegerField()
    insufficient = serializers.IntegerField()
    uncoded = serializers.IntegerField()


class CategoryTableSerializer(serializers.Serializer):
    category = serializers.CharField()
    actors_with_activities = serializers.IntegerField()
    actors_with_effects = serializers.IntegerField()
    actors_with_target_group_effects = serializers.IntegerField()
    initiatives = serializers.IntegerField()
    funds_sek = serializers.IntegerField()
    actors_planned = serializers.IntegerField()
    actors_implemented = serializers.IntegerField()
    actors_with_outputs = serializers.IntegerField()
    actors_with_measured_effects = serializers.IntegerField()
    link_quality = LinkQualitySerializer(help_text="Antal insatser per kodad kedjekvalitet")


class PotTableSerializer(serializers.Serializer):
    org_kind = serializers.CharField()
    reporting_actors = serializers.IntegerField()
    categories = CategoryTableSerializer(many=True)


class AggregateSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    part = serializers.CharField()
    county = serializers.CharField(allow_null=True)
    pots = PotTableSerializer(many=True)


class EffectSerializer(serializers.Serializer):
    org_kind = serializers.CharField()
    category = serializers.CharField()
    organisation = serializers.CharField()
    title = serializers.CharField()
    effects = serializers.CharField()
    target_group = serializers.BooleanField()
    measured = serializers.BooleanField()


class EffectsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    part = serializers.CharField()
    county = serializers.CharField(allow_null=True)
    effects = EffectSerializer(many=True)


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = ["code", "title", "numerator", "denominator", "unit", "source", "description"]


class IndicatorValueSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    scope = serializers.CharField(help_text="national eller region:<länskod>")
    numerator = serializers.IntegerField(allow_null=True)
    denominator = serializers.IntegerField(allow_null=True)
    value = serializers.FloatField(allow_null=True)


class IndicatorsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    indicators = IndicatorSerializer(many=True)
    values = IndicatorValueSerializer(many=True)


class FlagCountSerializer(serializers.Serializer):
    flag = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    reports = serializers.IntegerField()


class FlagsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    county = serializers.CharField(allow_null=True)
    summary = FlagCountSerializer(many=True)
    parts = serializers.DictField(child=FlagCountSerializer(many=True))


class FlowchartGroupSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="<kolumn>:<nummer>, som pilarnas from och to")
    label = serializers.CharField()
    actors = serializers.IntegerField()
    initiatives = serializers.IntegerField()
    target_group_actors = serializers.IntegerField()


class FlowchartColumnSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="activities, goals, outputs eller effects")
    groups = FlowchartGroupSerializer(many=True)


class FlowchartLinkSerializer(serializers.Serializer):
    to = serializers.CharField()
    initiatives = serializers.IntegerField()
    quality = serializers.CharField()
    qualities = LinkQualitySerializer()

    def get_fields(self):
        # "from" is a Python keyword: the field is added under its JSON name.
        fields = super().get_fields()
        fields["from"] = serializers.CharField()
        return fields


class CategoryFlowchartSerializer(serializers.Serializer):
    category = serializers.CharField()
    actors = serializers.IntegerField()
    initiatives = serializers.IntegerField()
    link_quality = LinkQualitySerializer(help_text="Antal insatser per kodad kedjekvalitet")
    columns = FlowchartColumnSerializer(many=True)
    links = FlowchartLinkSerializer(many=True)


class PotFlowchartsSerializer(serializers.Serializer):
    org_kind = serializers.CharField()
    categories = CategoryFlowchartSerializer(many=True)


class FlowchartsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    part = serializers.CharField()
    county = serializers.CharField(allow_null=True)
    aims = serializers.CharField()
    pots = PotFlowchartsSerializer(many=True)
