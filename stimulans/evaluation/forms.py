from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from stimulans.funds.models import AgreementPart
from stimulans.organisations.models import Organisation
from stimulans.reporting.models import Initiative, Report

from .models import EvaluationStudy, UnitEvent, WorkPlanActivity

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StudyForm(forms.ModelForm):
    class Meta:
        model = EvaluationStudy
        fields = ["title", "question", "agency", "parts", "method", "unit_kind"]
        fields += ["start_year", "end_year"]
        widgets = {"parts": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parts"].queryset = AgreementPart.objects.select_related("agreement")
        self.fields["parts"].label_from_instance = lambda p: f"{p.agreement.year}: {p.title}"

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("Sista år kan inte vara före första år."))
        return data


class DrawForm(forms.Form):
    size = forms.IntegerField(label=_l("Antal enheter"), min_value=1, max_value=500)
    seed = forms.IntegerField(
        label=_l("Slumpfrö"),
        min_value=0,
        max_value=2_000_000_000,
        help_text=_l("Samma frö ger samma urval."),
    )


class HandPickForm(forms.Form):
    """A unit chosen by hand: an organisation (kind-code, e.g. municipality-0180) or an
    initiative's number."""

    organisation = forms.ModelChoiceField(
        label=_l("Organisation"), queryset=Organisation.objects.all(), required=False
    )
    initiative = forms.IntegerField(label=_l("Insatsens nummer"), required=False, min_value=1)

    def clean(self):
        data = super().clean()
        if bool(data.get("organisation")) == bool(data.get("initiative")):
            raise forms.ValidationError(_("Välj en organisation eller ange en insats, inte båda."))
        if data.get("initiative"):
            found = Initiative.objects.filter(pk=data["initiative"]).first()
            if found is None:
                self.add_error("initiative", _("Det finns ingen insats med det numret."))
            data["initiative"] = found
        return data


class EventForm(forms.ModelForm):
    class Meta:
        model = UnitEvent
        fields = ["year", "kind", "text", "initiative", "report"]

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        org = unit.home_organisation_id
        self.fields["initiative"].queryset = Initiative.objects.filter(report__organisation_id=org)
        self.fields["report"].queryset = Report.objects.filter(organisation_id=org).select_related(
            "pot__part__agreement"
        )


class ActivityForm(forms.ModelForm):
    class Meta:
        model = WorkPlanActivity
        fields = ["duty", "title", "agency", "start", "end", "status"]
        widgets = {"start": DATE, "end": DATE}

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Slutet kan inte vara före början."))
        return data
