"""Shared set-up for the reporting tests: the 2020 agreement, its questionnaires and a few
allocations (made directly, so no population data is needed)."""

import datetime

from stimulans.funds.models import Agreement, Allocation, Pot
from stimulans.funds.services import load_agreement_2020
from stimulans.organisations.models import OrganisationKind
from stimulans.reporting.questionnaires.loader import load_questionnaires
from stimulans.test import BaseTestCase


def complete_answers(pot, **overrides):
    """Answers that pass validation for the 2020 questionnaire of `pot`."""
    data = {
        "funds_received_sek": "1000000",
        "funds_carried_over_sek": "",
        "funds_used_sek": "900000",
        "funds_explanation": "",
        "disruption": "pandemic",
        "disruption_description": "Utbildningar flyttades till digitala former under våren.",
        "participation_goals": "yes",
        "participation_activities": "no",
        "participation_description": "NSPH deltog i arbetsgruppen som tog fram målen.",
        "support_needed": ["knowledge", "data"],
        "attachments": "Handlingsplan 2020, https://example.se/plan.pdf",
        "initiatives": [
            {
                "title": "Mobilt team för unga vuxna",
                "category": pot.categories.first().slug,
                "activities": "Ett mobilt team startades med två sjuksköterskor och en kurator.",
                "goals": "Fler unga vuxna ska få stöd i hemmet i stället för inläggning.",
                "outputs": "240 hembesök under hösten.",
                "effects": "Färre akuta inläggningar i målgruppen.",
                "effect_level": "target_group",
                "effect_measured": "yes",
                "measurement": "Antal inläggningar jämfört med 2019 ur journalsystemet.",
                "funds_sek": "600000",
                "phase": "implemented",
                "within_agreement": "yes",
            }
        ],
    }
    slug = pot.part.slug
    if slug == "handlingsplaner-mobila":
        data.update(
            action_plan_revised="yes",
            mobile_target_groups=["adults"],
            mobile_description="Digitala återbesök och mobila team.",
        )
    elif slug == "barn-unga":
        data.update(youth_target_groups=["13-17"])
        for m in pot.measures.all():
            data[m.code.replace(".", "_")] = "100" if m.code.endswith("children") else "50"
        if pot.measures.exists():
            data["first_line_children_seen"] = "300"
            data["first_line_seen_within_3_days"] = "200"
    elif slug == "samsjuklighet":
        data.update(coordination_agreement="yes", sip_followed_up="no")
    elif slug == "god-vard":
        data.update(guidelines=["vip_adhd"])
    elif slug == "brukarmedverkan":
        data.update(user_org_agreement="yes")
    elif slug == "suicidprevention":
        data.update(suicide_plan="draft", suicide_coordinator="yes")
    elif slug == "traumavard":
        data.update(trauma_target_groups=["refugees"])
    data.update(overrides)
    return data


class ReportingTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.agreement = load_agreement_2020()
        Agreement.objects.filter(pk=cls.agreement.pk).update(
            reporting_deadline=datetime.date(2021, 3, 31)
        )
        cls.agreement.refresh_from_db()
        load_questionnaires(2020)
        pots = Pot.objects.filter(part__agreement=cls.agreement)
        cls.mobila_municipality = pots.get(
            part__slug="handlingsplaner-mobila", recipient_kind=OrganisationKind.MUNICIPALITY
        )
        cls.youth_region = pots.get(part__slug="barn-unga", recipient_kind=OrganisationKind.REGION)
        cls.suicide_county = pots.get(
            part__slug="suicidprevention", recipient_kind=OrganisationKind.COUNTY
        )
        for org, pot, amount in [
            (cls.stockholm, cls.mobila_municipality, 20_000_000),
            (cls.botkyrka, cls.mobila_municipality, 2_000_000),
            (cls.uppsala, cls.mobila_municipality, 4_000_000),
            (cls.region_stockholm, cls.youth_region, 80_000_000),
            (cls.county_stockholm, cls.suicide_county, 40_000_000),
        ]:
            Allocation.objects.create(pot=pot, organisation=org, amount_sek=amount, weight=1)


def stockholm_draft():
    """For tests that build their own database (transactional, browser): the organisations,
    the 2020 agreement and questionnaires, the reporter alice of Stockholms kommun and her
    empty draft for the municipalities' mobile-teams pot."""
    from stimulans.accounts.models import Role
    from stimulans.organisations.models import Organisation
    from stimulans.organisations.reference import load_organisations
    from stimulans.reporting import services
    from stimulans.test import make_user

    load_organisations()
    load_agreement_2020()
    load_questionnaires(2020)
    stockholm = Organisation.objects.get(kind="municipality", code="0180")
    user = make_user("alice", Role.REPORTER, stockholm)
    pot = Pot.objects.get(part__slug="handlingsplaner-mobila", recipient_kind="municipality")
    report, _created = services.get_or_create_report(stockholm, pot, user)
    return report


def make_report(org, pot, user, submit=False, **overrides):
    """A report with complete answers, as a draft or submitted."""
    from stimulans.reporting import services

    report, _created = services.get_or_create_report(org, pot, user)
    services.save_draft(report, complete_answers(pot, **overrides), user, report.version)
    if submit:
        issues = services.submit(report, user)
        assert not issues, issues
    return report
