from django import forms
from django.utils.translation import gettext_lazy as _

from stimulans.lib.uploads import check_upload

from .models import SetAsideRule


class RequisitionForm(forms.Form):
    amount_sek = forms.IntegerField(label=_("Belopp att rekvirera (kr)"), min_value=1)
    note = forms.CharField(label=_("Kommentar"), max_length=500, required=False)


class SetAsideForm(forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)
    rule = forms.ChoiceField(label=_("Regel"), choices=SetAsideRule.choices)
    percent = forms.DecimalField(
        label=_("Procentsats"), min_value=0, max_value=100, decimal_places=2, required=False
    )
    amount_sek = forms.IntegerField(label=_("Fast belopp (kr)"), min_value=0, required=False)
    note = forms.CharField(label=_("Kommentar"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("rule") == SetAsideRule.PERCENT and data.get("percent") is None:
            self.add_error("percent", _("Ange procentsatsen."))
        if data.get("rule") == SetAsideRule.FIXED and data.get("amount_sek") is None:
            self.add_error("amount_sek", _("Ange beloppet."))
        return data


class AgreementUploadForm(forms.Form):
    file = forms.FileField(label=_("Överenskommelse (YAML)"))

    def clean_file(self):
        return check_upload(self.cleaned_data["file"], [".yaml", ".yml"])
