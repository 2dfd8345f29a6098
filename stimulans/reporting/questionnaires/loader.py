"""Load the shipped questionnaires into the database (a reference loader of `stimulans init`)."""

from pathlib import Path

from django.db import transaction

from stimulans.funds.models import Pot

from ..formcheck import read_form
from ..models import Questionnaire
from ..xlsform import label

QUESTIONNAIRE_DIR = Path(__file__).resolve().parent


def pot_for_file(year, path):
    """`<part-slug>--<recipient-kind>.xlsx` → the pot of that year, or None."""
    part_slug, _sep, kind = path.stem.rpartition("--")
    return (
        Pot.objects.filter(part__agreement__year=year, part__slug=part_slug, recipient_kind=kind)
        .select_related("part")
        .first()
    )


@transaction.atomic
def install_questionnaire(pot, content, filename, user=None):
    """Parse (raising XLSFormError with every problem) and store the pot's questionnaire. The
    checks are `stimulans form-check`'s (`formcheck.read_form`), with the pot's categories
    and measures."""
    definition = read_form(
        content,
        filename,
        categories={c.slug for c in pot.categories.all()},
        measures=[m.code for m in pot.measures.all()],
    )
    questionnaire, _created = Questionnaire.objects.update_or_create(
        pot=pot,
        defaults={
            "title": label({"label": definition.get("title")}) or str(pot),
            "xlsform": content,
            "xlsform_name": filename,
            "definition": definition,
            "uploaded_by": user,
        },
    )
    return questionnaire


def load_questionnaires(year=2020, replace=False):
    """Install every shipped questionnaire of `year` whose pot exists. Existing questionnaires
    (perhaps uploaded by an administrator) are kept unless `replace`. Returns the count."""
    count = 0
    for path in sorted((QUESTIONNAIRE_DIR / str(year)).glob("*.xlsx")):
        pot = pot_for_file(year, path)
        if pot is None:
            continue
        if not replace and Questionnaire.objects.filter(pot=pot).exists():
            continue
        install_questionnaire(pot, path.read_bytes(), path.name)
        count += 1
    return count


def load_questionnaires_2020():
    return load_questionnaires(2020)
