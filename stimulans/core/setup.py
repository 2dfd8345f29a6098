"""Reference data that every installation has (`stimulans init`): organisations, the 2020
agreement, its questionnaires and the indicator catalogue.

`core` is the top layer: it names every app's loader here, in the order they must run (the
questionnaires need the agreement's pots)."""

from django.db import transaction

from stimulans.analysis.indicators import load_indicators
from stimulans.funds.services import load_agreement_2020
from stimulans.organisations.reference import load_organisations
from stimulans.reporting.questionnaires.loader import load_questionnaires_2020
from stimulans.support.reference import load_support_reference

REFERENCE_LOADERS = [
    ("organisationer", load_organisations),
    ("överenskommelsen 2020", load_agreement_2020),
    ("enkäter 2020", load_questionnaires_2020),
    ("indikatorer", load_indicators),
    ("stödteman", load_support_reference),
]


@transaction.atomic
def load_reference_data(stdout=None):
    for label, loader in REFERENCE_LOADERS:
        result = loader()
        if stdout is not None:
            stdout.write(f"  {label}: {result if isinstance(result, int) else 'ok'}")
