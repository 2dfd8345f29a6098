"""Every table of the status report as an Excel sheet with a Swedish name, and every effect:
the header row frozen and filtered, numbers and shares stored as numbers with a number format."""

import io

from django.utils.translation import gettext as _

from stimulans.lib import cells

from .blocks import Share, blocks, pots_with_effects, status_line

WHOLE = cells.WHOLE  # shown with the reader's thousands separator (a space in Swedish Excel)
PERCENT = cells.PERCENT


def _sheet(workbook, name, used, header, rows, caption=None, widths=(50,)):
    """A sheet named `name`: the `caption` (the table's full title) in the first row if given,
    the header row frozen with an autofilter, then the rows."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    title = cells.sheet_title(name, used)
    used.add(title)
    sheet = workbook.create_sheet(title)
    if caption:
        cells.append_row(sheet, [caption])[0].font = Font(bold=True)
    for cell in cells.append_row(sheet, [str(h) for h in header]):
        cell.font = Font(bold=True)
    for row in rows:
        for cell, value in zip(cells.append_row(sheet, row), row, strict=True):
            if isinstance(value, Share):
                cell.number_format = PERCENT
            elif cells.number_format(value):
                cell.number_format = cells.number_format(value)
    top = 2 if caption else 1
    sheet.freeze_panes = f"A{top + 1}"
    sheet.auto_filter.ref = f"A{top}:{get_column_letter(len(header))}{top + len(rows)}"
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    for n in range(len(widths) + 1, len(header) + 1):
        sheet.column_dimensions[get_column_letter(n)].width = 16
    return sheet


def _effect_rows(data):
    for item in data["parts"]:
        for pot in pots_with_effects(item):
            for c in pot["categories"]:
                for e in c["effect_list"]:
                    if e is None:
                        continue
                    yield [
                        item["part"]["title"],
                        pot["org_kind_label"],
                        c["title"],
                        e["organisation"],
                        e["title"],
                        e["effects"],
                        _("Ja") if e["target_group"] else _("Nej"),
                        _("Ja") if e["measured"] else _("Nej"),
                    ]


def render(data):
    """The workbook's bytes; the version label (with a published version's note) goes into
    the file's properties and the printed header of every sheet."""
    # Imported here, not at the top: openpyxl is heavy and only this download needs it.
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    used = set()
    for block in blocks(data):
        if block[0] == "table":
            name, header, rows = block[1:4]
            _sheet(workbook, name, used, header, rows, block[4] if len(block) > 4 else None)
    header = [
        _("Del"),
        _("Mottagartyp"),
        _("Insatskategori"),
        _("Organisation"),
        _("Insats"),
        _("Effekter"),
        _("Målgrupp"),
        _("Mätt"),
    ]
    _sheet(
        workbook,
        _("Effekter"),
        used,
        header,
        list(_effect_rows(data)),
        widths=(30, 20, 30, 20, 30, 60),
    )
    workbook.properties.language = "sv-SE"
    label = cells.text(status_line(data))
    workbook.properties.version = label[:255]
    workbook.properties.subject = label
    for sheet in workbook.worksheets:
        sheet.oddHeader.right.text = label  # printed at the top of every page
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
