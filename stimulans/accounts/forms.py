from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from .invitations import invitable_roles
from .models import Role, organisation_model


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-postadress"))
    name = forms.CharField(label=_("Namn"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Roll"))
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=None, required=False, empty_label=_("(ingen)")
    )

    lead = forms.BooleanField(
        label=_("Huvudanalytiker"),
        required=False,
        help_text=_("Bara för analytiker: drar urval för dubbelkodning och avgör oenigheter."),
    )

    def __init__(self, inviter, *args, **kwargs):
        super().__init__(*args, **kwargs)
        roles = invitable_roles(inviter)
        self.fields["role"].choices = [(r.value, r.label) for r in roles]
        if Role.ANALYST not in roles:
            del self.fields["lead"]
        organisations = organisation_model().objects.all()
        if inviter.is_county_coordinator:
            organisations = organisations.filter(county_id=inviter.county_id)
        self.fields["organisation"].queryset = organisations.order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("lead") and data.get("role") and data["role"] != Role.ANALYST:
            self.add_error("lead", _("Bara analytiker kan vara huvudanalytiker."))
        return data


class ColleagueRequestForm(forms.Form):
    email = forms.EmailField(label=_("Kollegans e-postadress"))
    name = forms.CharField(label=_("Kollegans namn"), max_length=150, required=False)


class AcceptInvitationForm(forms.Form):
    first_name = forms.CharField(label=_("Förnamn"), max_length=150)
    last_name = forms.CharField(label=_("Efternamn"), max_length=150)
    password1 = forms.CharField(
        label=_("Lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Lösenord igen"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, invitation, *args, **kwargs):
        self.invitation = invitation
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("Lösenorden är inte lika."))
        elif p1:
            probe = self.invitation_user()
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data

    def invitation_user(self):
        from .models import User

        return User(
            username=self.invitation.email,
            email=self.invitation.email,
            first_name=self.cleaned_data.get("first_name", ""),
            last_name=self.cleaned_data.get("last_name", ""),
            role=self.invitation.role or Role.REPORTER,
        )


class AuditFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Händelse"), required=False)
    username = forms.CharField(label=_("Användare"), required=False, max_length=254)
    date_from = forms.DateField(label=_("Från och med"), required=False)
    date_to = forms.DateField(label=_("Till och med"), required=False)

    def __init__(self, *args, **kwargs):
        from .models import AuditKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Alla")), *AuditKind.choices]
