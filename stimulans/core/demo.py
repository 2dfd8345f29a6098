"""Demo content (`stimulans demo`): synthetic population, allocations, users, requisitions.

The population figures made here are NOT official statistics; they are stored with
`official=False` and every page that shows them says so.
"""

import datetime
import os
import random

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from stimulans.accounts.models import Role, User
from stimulans.analysis.demo import load_demo_statistics
from stimulans.evaluation.demo import load_demo_evaluation
from stimulans.funds.models import Agreement, AgreementPart, Allocation, Category, Requisition
from stimulans.funds.services import allocate_agreement, load_stockholm_set_asides, requisition
from stimulans.organisations.models import Organisation, OrganisationKind
from stimulans.organisations.population import import_population
from stimulans.plans.demo import load_demo_plans
from stimulans.reporting.agreement_copy import copy_agreement
from stimulans.reporting.demo import load_demo_reports
from stimulans.support.demo import load_demo_support

DEMO_SOURCE = "Demodata – inte officiell statistik"
DEMO_POPULATION_YEAR = 2019
# Rounded sizes of the largest municipalities and a few of Norrbotten's (public knowledge,
# not SCB's figures): the synthetic population keeps their order.
DEMO_SIZES = {
    "0180": 975000,
    "1480": 580000,
    "1280": 345000,
    "0380": 230000,
    "0580": 163000,
    "1880": 155000,
    "1980": 154000,
    "1283": 147000,
    "0581": 143000,
    "0680": 141000,
    "2480": 128000,
    "1281": 124000,
    "1490": 113000,
    "0126": 112000,
    "0182": 104000,
    "0484": 106000,
    "2180": 102000,
    "2281": 99000,
    "0181": 98000,
    "0127": 94000,
    "2580": 78000,
    "2380": 63000,
    "2581": 42000,
    "2582": 28000,
    "2584": 23000,
    "2583": 9800,
}

# (username, role, organisation kind, organisation code, description)
DEMO_ACCOUNTS = [
    ("admin", Role.NATIONAL_ADMIN, None, None, "nationell administratör (SKR)"),
    ("analytiker", Role.ANALYST, None, None, "analytiker, huvudanalytiker i kodningen"),
    (
        "samordnare-01",
        Role.COUNTY_COORDINATOR,
        OrganisationKind.COUNTY,
        "01",
        "länssamordnare, Stockholms län",
    ),
    (
        "rapportor-0180",
        Role.REPORTER,
        OrganisationKind.MUNICIPALITY,
        "0180",
        "rapportör, Stockholms kommun",
    ),
    (
        "rapportor-0127",
        Role.REPORTER,
        OrganisationKind.MUNICIPALITY,
        "0127",
        "rapportör, Botkyrka kommun",
    ),
    (
        "rapportor-region-01",
        Role.REPORTER,
        OrganisationKind.REGION,
        "01",
        "rapportör, Region Stockholm",
    ),
]


def demo_password():
    return os.environ.get("DEMO_PASSWORD", "demo")


def demo_population_csv(year=DEMO_POPULATION_YEAR, ages=range(0, 101)):
    """A synthetic table in SCB's CSV shape: region, ålder, year. Deterministic."""
    lines = ['"Folkmängden efter region, ålder och år (DEMODATA, inte officiell statistik)"', ""]
    lines.append(f'"region","ålder","{year}"')
    for org in Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).order_by("code"):
        rng = random.Random(int(org.code))
        # The large municipalities at about their size, the others below them, so that the
        # relative sizes stay plausible (Haparanda is not larger than Luleå).
        total = DEMO_SIZES.get(org.code) or int(min(max(rng.lognormvariate(9.8, 0.8), 2500), 60000))
        per_age = total / 85
        for age in range(0, 101):
            if age not in ages:
                rng.random()  # keep the sequence, and so the other ages' figures, unchanged
                continue
            factor = 1.0 if age < 65 else max(0.02, 1.0 - (age - 65) / 35)
            count = max(0, int(per_age * factor * rng.uniform(0.85, 1.15)))
            label = "100+ år" if age == 100 else f"{age} år"
            lines.append(f'"{org.code} {org.short_name}","{label}",{count}')
    return "\n".join(lines).encode("utf-8")


@transaction.atomic
def load_demo(stdout=None):
    if not settings.ALLOW_DEMO_ACCOUNTS:
        raise ImproperlyConfigured("Demo accounts are refused in production settings.")
    import_population(demo_population_csv(), source=DEMO_SOURCE, official=False)
    agreement = Agreement.objects.get(year=2020)
    allocate_agreement(agreement)
    load_stockholm_set_asides()
    users = create_demo_users()
    # A couple of requisitions so the overviews are not empty, made in the agreement's year.
    botkyrka = users["rapportor-0127"]
    for alloc in Allocation.objects.filter(
        organisation=botkyrka.organisation, pot__part__agreement=agreement
    ):
        if not alloc.requisitions.exists():
            made = requisition(alloc, alloc.amount_sek, botkyrka, note="Demo: hela beloppet")
            _date_requisition(made, REQUISITION_DATES[0])
    region = users["rapportor-region-01"]
    for alloc in Allocation.objects.filter(
        organisation=region.organisation, pot__part__agreement=agreement
    )[:2]:
        if not alloc.requisitions.exists():
            made = requisition(alloc, alloc.amount_sek // 2, region, note="Demo: halva beloppet")
            _date_requisition(made, REQUISITION_DATES[1])
    for hook in DEMO_HOOKS:
        hook(users)
    return users


# When the demo's requisitions were made: in 2020, the year of the agreement they draw on.
REQUISITION_DATES = [datetime.date(2020, 5, 12), datetime.date(2020, 9, 15)]


def _date_requisition(made, day):
    """Date a requisition made now on `day` (10 o'clock, Swedish time), as if made then."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    Requisition.objects.filter(pk=made.pk).update(requested_at=moment)


SECOND_YEAR = 2021
# What the demo's second year changes in its copy of 2020: the suicide prevention part's new name
# and one of its categories renamed (its series continues through the crosswalk). The slug is
# kept: it is the category's choice in the copied questionnaire.
RENAMED_PART = ("suicidprevention", "Psykisk hälsa och suicidprevention")
RENAMED_CATEGORY = (
    "suicidpreventiva-handlingsplaner",
    "Handlingsplaner för psykisk hälsa och suicidprevention",
)


def load_second_year(users):
    """The demo's 2021: the 2020 agreement copied as the administrator would (questionnaires
    included), a part and a category renamed, allocated on a synthetic 2020 population, and
    reports like 2020's, so that comparisons and trends have two years."""
    if Agreement.objects.filter(year=SECOND_YEAR).exists():
        return
    copy_agreement(SECOND_YEAR - 1, SECOND_YEAR, user=users.get("admin"))
    slug, title = RENAMED_PART
    part = AgreementPart.objects.get(agreement__year=SECOND_YEAR, slug=slug)
    part.title = title
    part.save(update_fields=["title"])
    slug, new_title = RENAMED_CATEGORY
    Category.objects.filter(pot__part=part, slug=slug).update(title=new_title)
    import_population(demo_population_csv(year=SECOND_YEAR - 1), source=DEMO_SOURCE, official=False)
    allocate_agreement(Agreement.objects.get(year=SECOND_YEAR))
    load_demo_reports(users, year=SECOND_YEAR)


# The apps' demo content, in order; each takes the dict of demo users.
DEMO_HOOKS = [
    load_demo_reports,
    load_second_year,
    load_demo_statistics,
    load_demo_plans,
    load_demo_support,
    load_demo_evaluation,
]


def create_demo_users():
    password = demo_password()
    users = {}
    for username, role, kind, code, _label in DEMO_ACCOUNTS:
        org = Organisation.objects.get(kind=kind, code=code) if kind else None
        user, created = User.objects.get_or_create(
            username=username, defaults={"role": role, "organisation": org}
        )
        if created:
            user.set_password(password)
            user.is_staff = role == Role.NATIONAL_ADMIN
            user.is_superuser = role == Role.NATIONAL_ADMIN
            # The demo's analyst leads the coding: draws samples, adjudicates.
            user.is_lead_analyst = role == Role.ANALYST
            user.save()
        users[username] = user
    return users


def describe_accounts():
    lines = [
        "Demokonton (lösenord: %s):"
        % ("$DEMO_PASSWORD" if "DEMO_PASSWORD" in os.environ else "demo")
    ]
    for username, _role, _kind, _code, label in DEMO_ACCOUNTS:
        lines.append(f"  {username:<22} {label}")
    return "\n".join(lines)
