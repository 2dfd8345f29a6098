"""Excel workbooks of the support register: needs, dialogues, actions. Text goes through
`lib.cells` (stored as text, never a formula)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from stimulans.lib import cells


def _workbook(title, header, rows, formats=()):
    """A workbook of one sheet; numbers get their column's format in `formats` (years
    `cells.PLAIN`, counts `cells.WHOLE`)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = cells.sheet_title(title)
    cells.append_row(sheet, header)
    for row in rows:
        cells.append_row(sheet, row, formats)
    sheet.freeze_panes = "A2"
    buf = io.BytesIO()
    workbook.save(buf)
    return buf.getvalue()


def needs_xlsx(needs):
    header = [_("År"), _("Län"), _("Organisation"), _("Del"), _("Källa"), _("Tema")]
    header += [_("Prioriterat tema"), _("Beskrivning"), _("Åtgärder")]
    rows = (
        [
            n.year,
            n.county.name,
            n.organisation.name if n.organisation_id else "",
            n.part.title if n.part_id else "",
            n.get_source_display(),
            n.theme.name if n.theme_id else _("Okodat"),
            (_("Ja") if n.theme.prioritised else _("Nej")) if n.theme_id else "",
            n.description,
            "; ".join(a.title for a in n.actions.all()),
        ]
        for n in needs.prefetch_related("actions")
    )
    return _workbook(_("Stödbehov"), header, rows, [cells.PLAIN])


def dialogues_xlsx(dialogues, with_notes):
    header = [_("Datum"), _("Län"), _("Intresseorganisation"), _("Deltagare"), _("Dagordning")]
    if with_notes:
        header.append(_("Anteckningar"))
    header.append(_("Antal stödbehov"))
    rows = []
    for d in dialogues.select_related("county", "interest_organisation").prefetch_related(
        "participants", "needs"
    ):
        participants = "; ".join(
            ", ".join(x for x in (p.name, p.title, p.organisation_name) if x)
            for p in d.participants.all()
        )
        row = [
            d.date,
            d.county.name if d.county_id else "",
            d.interest_organisation.name if d.interest_organisation_id else "",
            participants,
            d.agenda,
        ]
        if with_notes:
            row.append(d.notes)
        row.append(len(d.needs.all()))
        rows.append(row)
    return _workbook(_("Dialoger"), header, rows, {len(header) - 1: cells.WHOLE})


def actions_xlsx(actions):
    header = [_("Datum"), _("Typ"), _("Titel"), _("Ansvarig myndighet"), _("Status")]
    header += [_("Stödbehov"), _("Deltagare per län")]
    rows = (
        [
            a.date,
            a.get_kind_display(),
            a.title,
            a.get_agency_display(),
            a.get_status_display(),
            len(a.needs.all()),
            "; ".join(f"{p.county.name}: {p.participants}" for p in a.participations.all()),
        ]
        for a in actions.prefetch_related("needs", "participations__county")
    )
    return _workbook(_("Åtgärder"), header, rows, {5: cells.WHOLE})
