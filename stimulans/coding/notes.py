"""The analysts' note on the coding of an initiative. Saving checks the version the editor
started from, so that an edit based on an older note is refused (with the saved note, to show
beside the editor's) instead of overwriting a colleague's. No HTTP here."""

from django.db import IntegrityError, transaction

from .models import CodingNote

MAX_LENGTH = 5000


class StaleNote(Exception):
    """The note was saved by someone else (or in another tab) after the editor opened it."""

    def __init__(self, current):
        super().__init__(current.body)
        self.current = current


def note_of(initiative):
    """The saved note, or a new unsaved one (version 0)."""
    return CodingNote.objects.filter(initiative=initiative).first() or CodingNote(
        initiative=initiative
    )


def save_note(initiative, body, version, user):
    """Save the note if it is still at `version`; else raise StaleNote with the saved note.
    Returns the saved note."""
    try:
        with transaction.atomic():
            note = CodingNote.objects.select_for_update().filter(
                initiative=initiative
            ).first() or CodingNote(initiative=initiative)
            if note.version != version:
                raise StaleNote(note)
            note.body = body.replace("\r\n", "\n").strip()
            note.version += 1
            note.updated_by = user
            note._history_user = user
            note.save()
            return note
    except IntegrityError:  # a first note saved by someone else at the same moment
        raise StaleNote(note_of(initiative)) from None


def history(note):
    """The note's saved versions, newest first."""
    if note.pk is None:
        return []
    return list(note.history.select_related("history_user").order_by("-history_date"))
