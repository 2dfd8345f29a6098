"""Demo content for the support register (a hook of `stimulans demo`, after the demo reports):
the reports' support needs read in and coded with the suggested themes, a few dialogues this
year with the needs they raised, and actions about them, one a workshop with participants by
county. Idempotent: a dialogue or action that exists (by its counterpart and agenda, or title)
is left alone."""

import datetime

from django.db import transaction
from django.utils import timezone

from stimulans.organisations.models import County

from .models import (
    ActionKind,
    ActionStatus,
    Agency,
    Dialogue,
    DialogueParticipant,
    InterestOrganisation,
    NeedSource,
    SupportAction,
    SupportNeed,
    SupportTheme,
    WorkshopParticipation,
)
from .reference import load_support_reference
from .report_needs import apply_suggestions, sync_report_needs

# (county code or interest organisation short name, days before today, agenda, notes,
#  participants (name, title, organisation), needs (theme code, description))
DIALOGUES = [
    (
        "01",
        40,
        "Länets handlingsplan 2021; uppföljning av suicidpreventivt arbete; stödbehov.",
        "Länet efterfrågar jämförbara mått för uppföljning av mobila team.",
        [
            ("Eva Lind", "Länssamordnare", "Region Stockholm"),
            ("Karin Berg", "Utredare", "Socialstyrelsen"),
        ],
        [
            ("uppfoljning", "Gemensamma mått för att följa upp mobila team."),
            ("suicidprevention", "Stöd i att ta fram en regional suicidpreventiv plan."),
        ],
    ),
    (
        "03",
        25,
        "Samverkan mellan region och kommuner kring barn och unga.",
        "Samverkansavtalet ses över under våren.",
        [
            ("Per Holm", "Länssamordnare", "Region Uppsala"),
            ("Sara Ek", "Handläggare", "Folkhälsomyndigheten"),
        ],
        [("samverkan", "Exempel på samverkansavtal mellan region och kommuner.")],
    ),
    (
        "14",
        10,
        "Brukarmedverkan i länets utvecklingsarbete.",
        "",
        [("Anna Vik", "Utvecklingsledare", "Västra Götalandsregionen")],
        [("delaktighet", "Metoder för brukarmedverkan på verksamhetsnivå.")],
    ),
    (
        "NSPH",
        15,
        "Brukar- och anhörigperspektivet i överenskommelsens uppföljning.",
        "NSPH vill delta i utformningen av nästa års enkät.",
        [("Maria Sand", "Verksamhetsutvecklare", "NSPH")],
        [],
    ),
]

ACTIONS = [
    (
        ActionKind.WORKSHOP,
        "Workshop: uppföljning med gemensamma mått",
        Agency.SOCIALSTYRELSEN,
        ActionStatus.DONE,
        "uppfoljning",
        {"01": 12, "03": 7, "14": 9, "12": 5},
    ),
    (
        ActionKind.GUIDANCE,
        "Vägledning om samverkansavtal",
        Agency.BOTH,
        ActionStatus.ONGOING,
        "samverkan",
        {},
    ),
    (
        ActionKind.WEB_TRAINING,
        "Webbutbildning i suicidprevention för kommuner",
        Agency.FOLKHALSOMYNDIGHETEN,
        ActionStatus.PLANNED,
        "suicidprevention",
        {},
    ),
]


def _dialogue_date(days_before):
    today = timezone.localdate()
    return max(today - datetime.timedelta(days=days_before), datetime.date(today.year, 1, 1))


@transaction.atomic
def load_demo_support(users):
    load_support_reference()
    sync_report_needs()
    apply_suggestions(users.get("analytiker"))
    themes = {t.code: t for t in SupportTheme.objects.all()}
    for counterpart, days, agenda, notes, participants, needs in DIALOGUES:
        county = County.objects.filter(code=counterpart).first()
        interest = InterestOrganisation.objects.filter(short_name=counterpart).first()
        if Dialogue.objects.filter(
            county=county, interest_organisation=interest, agenda=agenda
        ).exists():
            continue
        dialogue = Dialogue.objects.create(
            date=_dialogue_date(days),
            county=county,
            interest_organisation=interest,
            agenda=agenda,
            notes=notes,
            created_by=users.get("analytiker"),
        )
        for name, title, organisation in participants:
            DialogueParticipant.objects.create(
                dialogue=dialogue, name=name, title=title, organisation_name=organisation
            )
        for theme, description in needs:
            SupportNeed.objects.create(
                source=NeedSource.DIALOGUE,
                dialogue=dialogue,
                year=dialogue.date.year,
                county=county,
                description=description,
                theme=themes[theme],
                coded_by=users.get("analytiker"),
            )
    for kind, title, agency, status, theme, participants in ACTIONS:
        if SupportAction.objects.filter(title=title).exists():
            continue
        action = SupportAction.objects.create(
            kind=kind,
            title=title,
            agency=agency,
            status=status,
            date=_dialogue_date(5) if status == ActionStatus.DONE else None,
        )
        action.needs.set(SupportNeed.objects.filter(theme__code=theme))
        for code, count in participants.items():
            WorkshopParticipation.objects.create(
                action=action, county=County.objects.get(code=code), participants=count
            )
