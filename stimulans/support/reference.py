"""The reference lists of the support register (`stimulans init`, reference loader "stödteman"):
the themes of support needs and the interest organisations. Existing rows are left alone, so
the administrator's changes in the admin are kept."""

from django.utils.translation import gettext_lazy as _

from .models import InterestOrganisation, SupportTheme

# PLACEHOLDERS for the agencies' own list: the 2021 report's preliminary study found twelve
# areas, five of them prioritised, but does not name them here. These plausible Swedish names
# stand in until the administrator replaces them in the admin. (code, name, prioritised,
# the report's support choice it is suggested for)
THEMES = [
    ("kunskapsstod", _("Kunskapsstöd och vägledning"), True, "knowledge"),
    ("uppfoljning", _("Uppföljning, data och mått"), True, "data"),
    ("samverkan", _("Samverkan mellan huvudmän"), True, ""),
    ("delaktighet", _("Brukarmedverkan och delaktighet"), True, ""),
    ("suicidprevention", _("Suicidprevention"), True, ""),
    ("natverk", _("Nätverk och erfarenhetsutbyte"), False, "networks"),
    ("kompetens", _("Utbildning och kompetensförsörjning"), False, "training"),
    ("barn-unga", _("Barn och unga"), False, ""),
    ("digitalisering", _("Digitala arbetssätt"), False, ""),
    ("implementering", _("Implementering och förändringsarbete"), False, ""),
    ("ekonomi", _("Ekonomi och långsiktig finansiering"), False, ""),
    ("analys", _("Behovsanalys och handlingsplaner"), False, ""),
]

INTEREST_ORGANISATIONS = [
    ("Nationell samverkan för psykisk hälsa", "NSPH"),
    ("Riksförbundet Attention", "Attention"),
    ("Föreningen Mind", "Mind"),
]


def load_support_reference():
    """The twelve themes and three interest organisations; returns how many were created."""
    created = 0
    for order, (code, name, prioritised, choice) in enumerate(THEMES, start=1):
        _theme, new = SupportTheme.objects.get_or_create(
            code=code,
            defaults={
                "name": str(name),
                "prioritised": prioritised,
                "order": order,
                "report_choice": choice,
            },
        )
        created += new
    for name, short in INTEREST_ORGANISATIONS:
        _org, new = InterestOrganisation.objects.get_or_create(
            name=name, defaults={"short_name": short}
        )
        created += new
    return created
