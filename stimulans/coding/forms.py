from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stimulans.accounts.models import Role, User
from stimulans.analysis.models import LinkQuality
from stimulans.funds.models import Category
from stimulans.reporting.models import EffectLevel, Phase

from .notes import MAX_LENGTH

NOT_CODED = _("– ej kodad –")
YES_NO = [("", NOT_CODED), ("ja", _("Ja")), ("nej", _("Nej"))]


def _yes_no(value):
    return {"ja": True, "nej": False}.get(value)


class CodeForm(forms.Form):
    """One coder's code of an initiative; an empty choice: not coded on that dimension."""

    category = forms.ModelChoiceField(
        label=_("Insatskategori"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=NOT_CODED,
    )
    effect_level = forms.ChoiceField(
        label=_("Effektnivå"), required=False, choices=[("", NOT_CODED), *EffectLevel.choices]
    )
    effect_measured = forms.TypedChoiceField(
        label=_("Effekten är mätt"),
        required=False,
        choices=YES_NO,
        coerce=_yes_no,
        empty_value=None,
    )
    link_quality = forms.ChoiceField(
        label=_("Kedjans kvalitet"), required=False, choices=[("", NOT_CODED), *LinkQuality.choices]
    )
    phase = forms.ChoiceField(
        label=pgettext_lazy("insats", "Fas"),
        required=False,
        choices=[("", NOT_CODED), *Phase.choices],
    )
    within_agreement = forms.TypedChoiceField(
        label=_("Finansierad av överenskommelsens medel"),
        required=False,
        choices=YES_NO,
        coerce=_yes_no,
        empty_value=None,
    )
    from_suggestion = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(pot=initiative.report.pot)
        for name in ("effect_measured", "within_agreement"):
            value = self.initial.get(name)
            if value is not None:
                self.initial[name] = "ja" if value else "nej"

    def values(self):
        data = dict(self.cleaned_data)
        data.pop("from_suggestion", None)
        return data


class CodebookEntryForm(forms.Form):
    dimension = forms.CharField(widget=forms.HiddenInput)
    code = forms.CharField(widget=forms.HiddenInput, max_length=100)
    title = forms.CharField(label=_("Titel"), max_length=300)
    definition = forms.CharField(
        label=_("Definition"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    inclusion = forms.CharField(
        label=_("Ingår"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    exclusion = forms.CharField(
        label=_("Ingår inte"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    examples = forms.CharField(
        label=_("Exempel"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CodebookUploadForm(forms.Form):
    file = forms.FileField(label=_("Kodbok (.qdc eller .xlsx)"))


class SampleForm(forms.Form):
    share = forms.DecimalField(
        label=_("Andel (0–1)"), required=False, min_value=0.001, max_value=1, decimal_places=3
    )
    number = forms.IntegerField(label=_("eller antal"), required=False, min_value=1)
    seed = forms.IntegerField(label=_("Slumpfrö"), min_value=0, max_value=2**31 - 1)
    second_coder = forms.ModelChoiceField(
        label=_("Andra kodare"),
        queryset=User.objects.filter(role__in=[Role.ANALYST, Role.NATIONAL_ADMIN], is_active=True),
    )

    def clean(self):
        data = super().clean()
        if (data.get("share") is None) == (data.get("number") is None):
            raise forms.ValidationError(_("Ange antingen en andel eller ett antal."))
        return data


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Anteckning om kodningen"),
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Syns för analytikerna, inte för rapportörerna."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
