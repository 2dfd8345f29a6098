"""Who may do what in the support register. Reading is `Dialogue.objects.visible_to` and
`SupportNeed.objects.visible_to`; these are the writes and the national pages."""

from stimulans.accounts.models import Role

NATIONAL = (Role.ANALYST, Role.NATIONAL_ADMIN)
NEED_WRITERS = (Role.ANALYST, Role.NATIONAL_ADMIN, Role.COUNTY_COORDINATOR)


def works_nationally(user):
    """Analysts and national administrators read and write all of the register."""
    return user.is_authenticated and user.reads_everything


def reads_dialogue_notes(user):
    """Dialogue notes are the agencies' own: never public, not shown to the counties."""
    return works_nationally(user)


def can_add_need_for_county(user, county_id):
    if works_nationally(user):
        return True
    return user.is_authenticated and user.is_county_coordinator and user.county_id == county_id
