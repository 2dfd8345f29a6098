"""Years after one another: the agreement before this one and the part a part continues (its
recorded `predecessor`, else the same slug in the nearest earlier agreement)."""

from .models import Agreement, AgreementPart


def previous_agreement(agreement: Agreement) -> Agreement | None:
    """The nearest earlier year's agreement, or None."""
    return Agreement.objects.filter(year__lt=agreement.year).order_by("-year").first()


def previous_part(part: AgreementPart) -> AgreementPart | None:
    """The part this one continues: its recorded predecessor, else the part with the same slug
    in the previous agreement, or None."""
    if part.predecessor_id:
        return part.predecessor
    previous = previous_agreement(part.agreement)
    return previous.parts.filter(slug=part.slug).first() if previous else None
