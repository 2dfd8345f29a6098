"""Reference data that every installation has (`stimulans init`): organisations and agreements.

Later apps add their own reference loaders to REFERENCE_LOADERS (e.g. questionnaires)."""

from django.db import transaction

from stimulans.funds.services import load_agreement_2020
from stimulans.organisations.reference import load_organisations

REFERENCE_LOADERS = [
    ("organisationer", load_organisations),
    ("överenskommelsen 2020", load_agreement_2020),
]


@transaction.atomic
def load_reference_data(stdout=None):
    for label, loader in REFERENCE_LOADERS:
        result = loader()
        if stdout is not None:
            stdout.write(f"  {label}: {result if isinstance(result, int) else 'ok'}")
