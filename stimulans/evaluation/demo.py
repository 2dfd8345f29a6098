"""Demo content for evaluation (a hook of `stimulans demo`, after the demo reports): one study
of suicide prevention in the counties with a sample drawn with seed 2021, events and findings
per sampled unit linked to its report, and the agencies' work plan. Idempotent: an existing
study or activity (by title) is left alone."""

import datetime

from django.db import transaction

from stimulans.funds.models import AgreementPart
from stimulans.reporting.models import Report
from stimulans.support.models import Agency

from .models import ActivityStatus, Duty, EvaluationStudy, EventKind, UnitEvent, WorkPlanActivity
from .sampling import candidates, draw_sample

STUDY_TITLE = "Länens suicidpreventiva arbete 2020–2022"
SEED = 2021

# (duty, title, agency, start, end, status)
ACTIVITIES = [
    (
        Duty.FOLLOW,
        "Enkät och analys av redovisningarna",
        Agency.BOTH,
        (2021, 1, 1),
        (2021, 6, 30),
        ActivityStatus.DONE,
    ),
    (
        Duty.FOLLOW,
        "Lägesrapport 2021",
        Agency.SOCIALSTYRELSEN,
        (2021, 9, 1),
        (2022, 3, 31),
        ActivityStatus.ONGOING,
    ),
    (
        Duty.SUPPORT,
        "Dialoger med länen",
        Agency.BOTH,
        (2021, 1, 1),
        (2022, 12, 31),
        ActivityStatus.ONGOING,
    ),
    (
        Duty.SUPPORT,
        "Workshoppar om uppföljning",
        Agency.SOCIALSTYRELSEN,
        (2021, 4, 1),
        (2021, 12, 31),
        ActivityStatus.DONE,
    ),
    (
        Duty.EVALUATE,
        STUDY_TITLE,
        Agency.FOLKHALSOMYNDIGHETEN,
        (2021, 1, 1),
        (2023, 6, 30),
        ActivityStatus.ONGOING,
    ),
    (
        Duty.EVALUATE,
        "Slutrapport om överenskommelsens resultat",
        Agency.BOTH,
        (2023, 1, 1),
        (2023, 12, 31),
        ActivityStatus.PLANNED,
    ),
]


@transaction.atomic
def load_demo_evaluation(users):
    for duty, title, agency, start, end, status in ACTIVITIES:
        WorkPlanActivity.objects.get_or_create(
            title=title,
            defaults={
                "duty": duty,
                "agency": agency,
                "start": datetime.date(*start),
                "end": datetime.date(*end),
                "status": status,
            },
        )
    part = AgreementPart.objects.filter(agreement__year=2020, slug="suicidprevention").first()
    if part is None or EvaluationStudy.objects.filter(title=STUDY_TITLE).exists():
        return
    study = EvaluationStudy.objects.create(
        title=STUDY_TITLE,
        question="Hur har länens suicidpreventiva arbete utvecklats under överenskommelsens år, "
        "och vad har stimulansmedlen bidragit till?",
        agency=Agency.FOLKHALSOMYNDIGHETEN,
        method="Fallstudier: dokumentstudier av redovisningarna och intervjuer varje år.",
        start_year=2020,
        end_year=2022,
    )
    study.parts.add(part)
    size = min(3, len(candidates(study)))
    if size == 0:
        return
    for unit in draw_sample(study, size, SEED):
        report = Report.objects.filter(organisation=unit.organisation, pot__part=part).first()
        UnitEvent.objects.create(
            unit=unit,
            year=2020,
            kind=EventKind.EVENT,
            text="Intervju med länets samordnare om den regionala handlingsplanen.",
            report=report,
        )
        UnitEvent.objects.create(
            unit=unit,
            year=2021,
            kind=EventKind.FINDING,
            text="Samverkan mellan region och kommuner har formaliserats i ett avtal.",
            initiative=report.initiatives.first() if report else None,
        )
