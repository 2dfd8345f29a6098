from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from stimulans.analysis.models import Indicator
from stimulans.funds.models import Pot
from stimulans.lib.uploads import check_upload
from stimulans.organisations.models import County

from .feedback import continuable_initiatives, initiative_label
from .models import (
    ActionPlan,
    Activity,
    ActivityFund,
    ActivityKind,
    Area,
    Decision,
    Goal,
    NeedsAttachment,
    NeedsSection,
    Participation,
    PlanScope,
    SteeringMember,
)
from .yaml_format import MAX_PLAN_BYTES, too_large_error

ATTACHMENT_TYPES = [".pdf", ".docx", ".doc", ".xlsx", ".xls", ".odt", ".ods", ".txt", ".csv"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class LinesField(forms.CharField):
    """A list of texts edited as a text area, one per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("En per rad."))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


# The empty choice of a list, as in the report form (not Django's "---------").
EMPTY_CHOICE = _("– välj –")


class LockedForm(forms.ModelForm):
    """Carries the plan's lock version so that a change based on an old page is refused.
    Labels without colons and lists with the product's empty choice (the template marks the
    required fields)."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, plan, **kwargs):
        self.plan = plan
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("lock_version", plan.lock_version)
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
                continue
            if isinstance(field, forms.ModelChoiceField):
                field.empty_label = EMPTY_CHOICE
            elif isinstance(field, forms.ChoiceField):
                field.choices = [
                    (value, EMPTY_CHOICE if value == "" else label)
                    for value, label in field.choices
                ]


class AreaSelect(forms.Select):
    """The activity's area, each option naming its parent area (`data-parent`) so that the
    page offers only the goals of the chosen area (plans/activity-form.js)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        area = getattr(value, "instance", None)
        if area is not None:
            option["attrs"]["data-parent"] = area.parent_id or ""
        return option


class GoalCheckboxes(forms.CheckboxSelectMultiple):
    """The activity's goals, each naming its area (`data-area`)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        goal = getattr(value, "instance", None)
        if goal is not None:
            option["attrs"]["data-area"] = goal.area_id
        return option


class PlanForm(LockedForm):
    overall_goals = LinesField(label=_("Övergripande mål"))

    class Meta:
        model = ActionPlan
        fields = [
            "title",
            "purpose",
            "overall_goals",
            "requires_child_participation",
            "adopted_by",
            "adopted_on",
            "political_anchor",
            "secretariat",
            "network",
        ]
        widgets = {
            "adopted_on": DateInput(),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "political_anchor": forms.Textarea(attrs={"rows": 2}),
            "secretariat": forms.Textarea(attrs={"rows": 2}),
            "network": forms.Textarea(attrs={"rows": 2}),
        }


class PlanCreateForm(forms.Form):
    scope = forms.ChoiceField(label=_("Typ av plan"), choices=PlanScope.choices)
    county = forms.ModelChoiceField(label=_("Län"), queryset=County.objects.all(), required=False)
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not user.is_national_admin:
            self.fields["scope"].choices = [(PlanScope.COUNTY, PlanScope.COUNTY.label)]
            self.fields["county"].queryset = County.objects.filter(pk=user.county_id)
            self.fields["county"].initial = user.county_id

    def clean(self):
        data = super().clean()
        if data.get("scope") == PlanScope.COUNTY and not data.get("county"):
            self.add_error("county", _("Ange län för en länsgemensam handlingsplan."))
        return data


class SectionForm(LockedForm):
    class Meta:
        model = NeedsSection
        fields = ["title", "body", "order"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}


class AttachmentForm(LockedForm):
    class Meta:
        model = NeedsAttachment
        fields = ["section", "name", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = self.plan.sections.all()
        self.fields["section"].label = _("Avsnitt")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if isinstance(upload, UploadedFile):
            return check_upload(upload, ATTACHMENT_TYPES)
        return upload


class AreaForm(LockedForm):
    class Meta:
        model = Area
        fields = ["parent", "code", "title", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = self.plan.areas.filter(parent__isnull=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents


class GoalForm(LockedForm):
    class Meta:
        model = Goal
        fields = ["area", "term", "text", "order", "indicator_code", "target_percent"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = self.plan.areas.all()
        self.fields["indicator_code"] = forms.ChoiceField(
            label=_("Indikator"),
            required=False,
            choices=[("", "–"), *Indicator.objects.values_list("code", "title")],
            help_text=_("Indikatorn som målet följs upp med, och målvärdet för planens år."),
        )
        self.fields["target_percent"].min_value = 0
        self.fields["target_percent"].validators.append(MinValueValidator(0))
        self.fields["target_percent"].validators.append(MaxValueValidator(100))
        self.fields["target_percent"].widget.attrs.update({"min": "0", "max": "100"})

    def clean(self):
        data = super().clean()
        if data.get("target_percent") is not None and not data.get("indicator_code"):
            self.add_error("indicator_code", _("Välj indikatorn som målvärdet gäller."))
        return data


class ActivityForm(LockedForm):
    subtasks = LinesField(label=_("Deluppgifter"))
    partners = LinesField(label=_("Samarbetspartner"))
    target_groups = LinesField(label=_("Målgrupper"))
    indicator_codes = forms.MultipleChoiceField(
        label=_("Indikatorer"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Indikatorerna ur katalogen som aktiviteten följs upp med."),
    )

    class Meta:
        model = Activity
        fields = [
            "area",
            "kind",
            "number",
            "title",
            "description",
            "subtasks",
            "partners",
            "target_groups",
            "starts",
            "ends",
            "conditional",
            "status",
            "goals",
            "indicator_codes",
            "child_participation",
            "actor",
            "continues",
        ]
        widgets = {
            "starts": DateInput(),
            "ends": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "child_participation": forms.Textarea(attrs={"rows": 2}),
            "goals": GoalCheckboxes,
            "area": AreaSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = self.plan.areas.all()
        self.fields["goals"].queryset = self.plan.goals.select_related("area")
        self.fields["continues"].queryset = continuable_initiatives(self.plan)
        self.fields["continues"].label_from_instance = initiative_label
        self.fields["goals"].help_text = _("Bara målen i det valda området och dess överområde.")
        self.fields["number"].required = False
        self.fields["number"].help_text = _("Lämna tomt för nästa lediga nummer.")
        # The catalogue's indicators, and codes the plan names that the catalogue lacks.
        catalogue = list(Indicator.objects.values_list("code", "title"))
        known = {code for code, _title in catalogue}
        kept = [(c, c) for c in (self.instance.indicator_codes or []) if c not in known]
        self.fields["indicator_codes"].choices = [
            (code, f"{title} ({code})") for code, title in catalogue
        ] + kept
        self.fields["goals"].label_from_instance = lambda g: (
            f"{g.area.title} – {g.get_term_display()}: {g.text}"
        )
        kinds = ActivityKind.for_scope(self.plan.scope)
        self.fields["kind"].choices = [(k.value, k.label) for k in kinds]
        if self.plan.scope != PlanScope.NATIONAL:
            del self.fields["actor"]
        if self.plan.requires_child_participation:
            self.fields["child_participation"].required = True
            self.fields["child_participation"].help_text = _(
                "Planen kräver att barns delaktighet och inflytande beskrivs i varje aktivitet."
            )

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] < data["starts"]:
            self.add_error("ends", _("Slutdatum kan inte vara före startdatum."))
        area = data.get("area")
        if area and data.get("kind") and data.get("number") is None:
            # Numbered by the product: the next number of the kind within the area.
            numbers = self.plan.activities.filter(area=area, kind=data["kind"])
            if self.instance.pk:
                numbers = numbers.exclude(pk=self.instance.pk)
            highest = numbers.aggregate(n=Max("number"))["n"] or 0
            data["number"] = self.instance.number = highest + 1
        for goal in data.get("goals") or []:
            if area and goal.area_id not in (area.pk, area.parent_id):
                self.add_error(
                    "goals",
                    _("Målet ”%(goal)s” hör till ett annat område.") % {"goal": goal.text},
                )
        return data


class FundForm(LockedForm):
    class Meta:
        model = ActivityFund
        fields = ["activity", "pot", "amount_sek"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = self.plan.activities.select_related("area")
        self.fields["activity"].label = _("Aktivitet")
        self.fields["pot"].queryset = Pot.objects.select_related("part__agreement").order_by(
            "-part__agreement__year", "part__order", "recipient_kind"
        )
        self.fields["pot"].label_from_instance = lambda p: f"{p.part.agreement.year}: {p}"
        self.fields["amount_sek"].min_value = 0
        self.fields["amount_sek"].widget.attrs["min"] = 0

    def clean_amount_sek(self):
        amount = self.cleaned_data.get("amount_sek")
        if amount is not None and amount < 0:
            raise forms.ValidationError(_("Beloppet kan inte vara negativt."))
        return amount


class DecisionForm(LockedForm):
    class Meta:
        model = Decision
        fields = ["decided_on", "body", "text"]
        widgets = {"decided_on": DateInput(), "text": forms.Textarea(attrs={"rows": 3})}


class ParticipationForm(LockedForm):
    class Meta:
        model = Participation
        fields = ["organisation", "kind", "mode", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def validate_unique(self):
        # The plan is not a form field; check the (plan, organisation) constraint here.
        name = self.cleaned_data.get("organisation")
        others = self.plan.participations.filter(organisation=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if name and others.exists():
            self.add_error("organisation", _("Organisationen finns redan i planen."))


class SteeringMemberForm(LockedForm):
    class Meta:
        model = SteeringMember
        fields = ["name", "role", "order"]


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Kommentar"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class PublishForm(forms.Form):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)


class PlanImportForm(forms.Form):
    file = forms.FileField(label=_("Handlingsplan (YAML)"))

    def clean_file(self):
        upload = check_upload(self.cleaned_data["file"], [".yaml", ".yml"])
        if upload.size > MAX_PLAN_BYTES:
            raise forms.ValidationError(too_large_error())
        return upload
