from django import forms
from django.utils.translation import gettext_lazy as _

from stimulans.lib.uploads import check_upload


class PopulationUploadForm(forms.Form):
    file = forms.FileField(label=_("Befolkningstabell från SCB (CSV, JSON-stat eller PX-Web JSON)"))
    source = forms.CharField(
        label=_("Källa"), max_length=300, initial="SCB, Folkmängden efter region, ålder och år"
    )
    official = forms.BooleanField(label=_("Officiell statistik"), required=False, initial=True)
    replace_year = forms.BooleanField(
        label=_("Ersätt hela året"),
        required=False,
        help_text=_(
            "Även om filen bara täcker en del av landet: organisationer som saknas i filen "
            "förlorar sina befolkningsuppgifter för året."
        ),
    )

    def clean_file(self):
        return check_upload(self.cleaned_data["file"], [".csv", ".txt", ".json"])
