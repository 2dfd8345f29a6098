from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from stimulans.funds.models import Category
from stimulans.lib.uploads import check_upload
from stimulans.organisations.models import County
from stimulans.reporting.models import EffectLevel, Phase

YES_NO = [("", _("Alla")), ("ja", _("Ja")), ("nej", _("Nej"))]


class WorkbenchFilterForm(forms.Form):
    lan = forms.ModelChoiceField(
        County.objects.all(),
        label=_("Län"),
        required=False,
        to_field_name="code",
        empty_label=_("Alla län"),
    )
    kategori = forms.ModelChoiceField(
        Category.objects.none(),
        label=_("Insatskategori"),
        required=False,
        empty_label=_("Alla kategorier"),
    )
    effektniva = forms.ChoiceField(
        label=_("Effektnivå"),
        required=False,
        choices=[("", _("Alla")), *EffectLevel.choices, ("ingen", _("Ingen angiven"))],
    )
    matt = forms.ChoiceField(label=_("Effekten är mätt"), required=False, choices=YES_NO)
    effekter = forms.ChoiceField(label=_("Effekter beskrivna"), required=False, choices=YES_NO)
    fas = forms.ChoiceField(
        label=pgettext_lazy("insats", "Fas"),
        required=False,
        choices=[("", _("Alla")), *Phase.choices, ("ingen", _("Ingen angiven"))],
    )
    medel = forms.ChoiceField(
        label=_("Finansiering"),
        required=False,
        choices=[
            ("", _("Alla")),
            ("overenskommelsen", _("Överenskommelsens medel")),
            ("andra", _("Andra medel")),
        ],
    )
    q = forms.CharField(label=_("Sök"), required=False, max_length=200)

    def __init__(self, *args, part=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Category.objects.filter(pot__part=part).select_related("pot")
        self.fields["kategori"].queryset = qs
        self.fields["kategori"].label_from_instance = lambda c: (
            f"{c.title} ({c.pot.get_recipient_kind_display()})"
        )


class ReportTextForm(forms.Form):
    """An analyst's text of the status report, with the version the editor started from."""

    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=50000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 80}),
        help_text=_("Stycken skiljs åt med en tom rad."),
    )
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class StatisticsUploadForm(forms.Form):
    file = forms.FileField(label=_("Fil med officiell statistik (Kolada-JSON eller CSV)"))
    source = forms.ChoiceField(
        label=_("Format"), choices=[("kolada", _("Koladas API (JSON)")), ("csv", "CSV")]
    )

    def clean_file(self):
        return check_upload(self.cleaned_data["file"], [".csv", ".txt", ".json"])
