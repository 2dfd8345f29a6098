"""A new year's agreement with its questionnaires: `funds.copying` copies the agreement and this
adds a copy of every pot's questionnaire (the XLSForm file and its definition as they are; the
administrator downloads, edits and uploads them back). The one entry point for the national
administrator's page and `stimulans copy-agreement FROM TO`."""

from django.db import transaction

from stimulans.funds.copying import AgreementCopy, CopyError, copy_agreement_funds, new_title

from .models import Questionnaire

__all__ = ["AgreementCopy", "CopyError", "copy_agreement"]


@transaction.atomic
def copy_agreement(from_year: int, to_year: int, user=None) -> AgreementCopy:
    """Copy the agreement of `from_year`, questionnaires included, as `to_year`'s.
    All-or-nothing; CopyError (Swedish) when `from_year` is unknown or `to_year` exists."""
    result = copy_agreement_funds(from_year, to_year)
    Questionnaire.objects.bulk_create(
        Questionnaire(
            pot=result.pots[q.pot_id],
            title=new_title(q.title, from_year, to_year),
            xlsform=q.xlsform,
            xlsform_name=q.xlsform_name.replace(str(from_year), str(to_year)),
            definition=q.definition,
            uploaded_by=user,
        )
        for q in Questionnaire.objects.filter(pot__part__agreement=result.source)
        if q.pot_id in result.pots
    )
    return result
