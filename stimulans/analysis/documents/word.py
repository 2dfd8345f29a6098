"""The status report as a Word document."""

import io

from stimulans.lib import cells

from .blocks import blocks, cell, status_line


def render(data):
    # Imported here, not at the top: python-docx is heavy and only this download needs it.
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    # The draft mark or the version, and the date, in the header of every page.
    document.sections[0].header.paragraphs[0].text = cells.text(status_line(data))
    for block in blocks(data):
        kind = block[0]
        if kind == "h1":
            document.add_heading(cells.text(block[1]), level=0)
        elif kind in ("h2", "h3", "h4"):
            document.add_heading(cells.text(block[1]), level=int(kind[1]) - 1)
        elif kind == "p":
            document.add_paragraph(cells.text(block[1]))
        elif kind == "li":
            document.add_paragraph(cells.text(block[1]), style="List Bullet")
        elif kind == "table":
            _name, header, rows = block[1:]
            table = document.add_table(rows=1 + len(rows), cols=len(header))
            table.style = "Table Grid"
            for n, text in enumerate(header):
                table.rows[0].cells[n].text = cells.text(text)
            for r, row in enumerate(rows, start=1):
                row_cells = table.rows[r].cells
                for n, value in enumerate(row):
                    row_cells[n].text = cell(value)
        elif kind == "image":
            document.add_picture(io.BytesIO(block[1]), width=Cm(block[2]))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
