"""Rows the support tests share."""

import datetime

from stimulans.support.models import Dialogue, NeedSource, SupportAction, SupportNeed
from stimulans.support.reference import load_support_reference


def make_register(case):
    """A dialogue with Stockholm, one with Uppsala, a need of Stockholms kommun, one of
    Uppsala kommun and an action; set on `case`."""
    load_support_reference()
    case.dialogue = Dialogue.objects.create(
        date=datetime.date(2026, 3, 4),
        county=case.county_stockholm.county,
        agenda="Handlingsplanen",
        notes="HEMLIG ANTECKNING",
    )
    case.dialogue.participants.create(name="Eva Lind", title="Samordnare")
    case.other_dialogue = Dialogue.objects.create(
        date=datetime.date(2026, 5, 6), county=case.county_uppsala.county, agenda="Uppsala"
    )
    case.need = SupportNeed.objects.create(
        source=NeedSource.DIALOGUE,
        dialogue=case.dialogue,
        year=2026,
        county=case.stockholm.county,
        organisation=case.stockholm,
        description="Mått för mobila team",
    )
    case.other_need = SupportNeed.objects.create(
        source=NeedSource.DIALOGUE,
        dialogue=case.other_dialogue,
        year=2026,
        county=case.uppsala.county,
        organisation=case.uppsala,
        description="Samverkan i Uppsala",
    )
    case.action = SupportAction.objects.create(
        kind="workshop", title="Workshop om mått", agency="socialstyrelsen"
    )
    case.action.needs.add(case.need)
    case.action.participations.create(county=case.stockholm.county, participants=12)
