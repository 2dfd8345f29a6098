"""Every table of the status report as an Excel sheet, and every effect."""

import io

from django.utils.translation import gettext as _

from stimulans.lib import cells

from ..year_analysis import effect_key
from .blocks import blocks, status_line


def render(data):
    # Imported here, not at the top: openpyxl is heavy and only this download needs it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    used = set()
    for block in blocks(data):
        if block[0] != "table":
            continue
        name, header, rows = block[1:]
        title = cells.sheet_title(name, used)
        used.add(title)
        sheet = workbook.create_sheet(title)
        for cell in cells.append_row(sheet, [str(h) for h in header]):
            cell.font = Font(bold=True)
        for row in rows:
            cells.append_row(
                sheet, [v if isinstance(v, int | float) or v is None else str(v) for v in row]
            )
        sheet.column_dimensions["A"].width = 50
    sheet = workbook.create_sheet(cells.sheet_title(_("Effekter"), used))
    header = cells.append_row(
        sheet,
        [
            _("Del"),
            _("Mottagartyp"),
            _("Insatskategori"),
            _("Organisation"),
            _("Insats"),
            _("Effekter"),
            _("Målgrupp"),
            _("Mätt"),
        ],
    )
    for cell in header:
        cell.font = Font(bold=True)
    for item in data["parts"]:
        for pot in item["aggregate"]["pots"]:
            for c in pot["categories"]:
                for e in item["effects"].get(effect_key(pot["pot_id"], c["category_id"]), []):
                    if e is None:
                        continue
                    cells.append_row(
                        sheet,
                        [
                            item["part"]["slug"],
                            pot["org_kind_label"],
                            c["title"],
                            e["organisation"],
                            e["title"],
                            e["effects"],
                            _("Ja") if e["target_group"] else _("Nej"),
                            _("Ja") if e["measured"] else _("Nej"),
                        ],
                    )
    status = cells.text(status_line(data))
    for each in workbook.worksheets:
        each.oddHeader.right.text = status  # "Utkast" and the date, or the version, when printed
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
