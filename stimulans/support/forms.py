from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from stimulans.funds.models import AgreementPart
from stimulans.lib.text import is_digits
from stimulans.organisations.models import County, Organisation

from .models import (
    Dialogue,
    DialogueParticipant,
    SupportAction,
    SupportNeed,
    SupportTheme,
    WorkshopParticipation,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def parse_lines(text, columns, field_label):
    """Lines of `a; b; c` as lists of `columns` cells (missing cells blank); a line with more
    cells is refused naming the line."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split(";")]
        if len(cells) > columns or not cells[0]:
            raise forms.ValidationError(
                _("%(field)s, rad %(line)s: skriv högst %(n)s fält åtskilda med semikolon.")
                % {"field": field_label, "line": number, "n": columns}
            )
        rows.append(cells + [""] * (columns - len(cells)))
    return rows


class DialogueForm(forms.ModelForm):
    participants_text = forms.CharField(
        label=_l("Deltagare"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_l(
            "En per rad: namn; titel eller roll; organisation. Inga andra personuppgifter."
        ),
    )

    class Meta:
        model = Dialogue
        fields = ["date", "county", "interest_organisation", "agenda", "notes"]
        widgets = {"date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["participants_text"].initial = "\n".join(
                "; ".join(x for x in (p.name, p.title, p.organisation_name))
                for p in self.instance.participants.all()
            )

    def clean_participants_text(self):
        return parse_lines(self.cleaned_data["participants_text"], 3, _("Deltagare"))

    def clean(self):
        data = super().clean()
        if not data.get("county") and not data.get("interest_organisation"):
            raise forms.ValidationError(_("Välj ett län eller en intresseorganisation."))
        return data

    def save(self, commit=True):
        dialogue = super().save()
        dialogue.participants.all().delete()
        DialogueParticipant.objects.bulk_create(
            DialogueParticipant(dialogue=dialogue, name=n, title=t, organisation_name=o)
            for n, t, o in self.cleaned_data["participants_text"]
        )
        return dialogue


class NeedForm(forms.ModelForm):
    """A need raised in a dialogue or a workshop (report needs come from the reports)."""

    class Meta:
        model = SupportNeed
        fields = ["source", "dialogue", "workshop", "year", "county", "organisation", "part"]
        fields += ["description", "theme"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [
            c for c in self.fields["source"].choices if c[0] != "report"
        ]
        self.fields["part"].queryset = AgreementPart.objects.select_related("agreement")
        self.fields["part"].label_from_instance = lambda p: f"{p.agreement.year}: {p.title}"
        self.fields["theme"].queryset = SupportTheme.objects.filter(active=True)
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user)
        self.fields["dialogue"].queryset = Dialogue.objects.visible_to(user)
        if user.reads_everything:
            self.fields["workshop"].queryset = SupportAction.objects.filter(kind="workshop")
        else:
            # A county coordinator adds its own county's needs; the agencies code themes.
            self.fields["county"].queryset = County.objects.filter(pk=user.county_id)
            self.fields["workshop"].queryset = SupportAction.objects.none()
            del self.fields["theme"]

    def clean(self):
        data = super().clean()
        source = data.get("source")
        if source == "dialogue" and not data.get("dialogue"):
            self.add_error("dialogue", _("Välj dialogen där behovet kom fram."))
        if source == "workshop" and not data.get("workshop"):
            self.add_error("workshop", _("Välj workshopen där behovet kom fram."))
        org, county = data.get("organisation"), data.get("county")
        dialogue = data.get("dialogue")
        if dialogue and dialogue.county_id and county and dialogue.county_id != county.pk:
            self.add_error("dialogue", _("Dialogen hölls med ett annat län."))
        if org and county and org.county_id != county.pk:
            self.add_error("organisation", _("Organisationen hör inte till det valda länet."))
        part = data.get("part")
        if part and data.get("year") and part.agreement.year != data["year"]:
            self.add_error("part", _("Delen hör till ett annat års överenskommelse."))
        return data


class CodingForm(forms.ModelForm):
    """The analyst's theme for a need."""

    class Meta:
        model = SupportNeed
        fields = ["theme"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = SupportTheme.objects.filter(active=True)


class ActionForm(forms.ModelForm):
    participations_text = forms.CharField(
        label=_l("Deltagare per län (workshop)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_l("En per rad: länskod; antal deltagare, t.ex. 01; 12."),
    )

    class Meta:
        model = SupportAction
        fields = ["kind", "title", "description", "agency", "status", "date", "needs"]
        widgets = {"date": DATE, "needs": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["needs"].queryset = SupportNeed.objects.select_related("county")
        if self.instance.pk:
            self.fields["participations_text"].initial = "\n".join(
                f"{p.county.code}; {p.participants}"
                for p in self.instance.participations.select_related("county")
            )

    def clean_participations_text(self):
        label = _("Deltagare per län")
        counties = {c.code: c for c in County.objects.all()}
        rows = []
        for number, (code, count) in enumerate(
            parse_lines(self.cleaned_data["participations_text"], 2, label), start=1
        ):
            if code not in counties:
                raise forms.ValidationError(
                    _("%(field)s, rad %(line)s: okänd länskod ”%(code)s”.")
                    % {"field": label, "line": number, "code": code}
                )
            if not is_digits(count) or len(count) > 9:
                raise forms.ValidationError(
                    _("%(field)s, rad %(line)s: antalet deltagare ska vara ett heltal.")
                    % {"field": label, "line": number}
                )
            rows.append((counties[code], int(count)))
        if len({c.pk for c, _n in rows}) != len(rows):
            raise forms.ValidationError(
                _("%(field)s: ett län står på flera rader.") % {"field": label}
            )
        return rows

    def save(self, commit=True):
        action = super().save()
        action.participations.all().delete()
        WorkshopParticipation.objects.bulk_create(
            WorkshopParticipation(action=action, county=c, participants=n)
            for c, n in self.cleaned_data["participations_text"]
        )
        return action
