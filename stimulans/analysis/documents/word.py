"""The status report and a county's fact sheet as a Word document (python-docx), in the frame of
`lib.wordfile`: language sv-SE, cover, table of contents, running header with the version label
and page numbers."""

import io

from django.utils.translation import gettext as _

from stimulans.lib import cells, wordfile

from .blocks import blocks, cell, numeric_columns, title, version_label


def new_document(title_text, subtitles, version_label):
    return wordfile.new_document(
        title_text,
        subtitles,
        version_label,
        contents_heading=_("Innehåll"),
        contents_hint=_("Innehållsförteckningen visas när fälten uppdateras (F9)."),
        page_label=_("Sida {page} av {pages}"),
    )


def render(data):
    """The document's bytes; the version label ("Utkast 2026-12-01", "Version 2, publicerad …")
    is on the cover and in the header of every page."""
    # Imported here, not at the top: python-docx is heavy and only this download needs it.
    from docx.shared import Cm

    document = new_document(title(data), [data["agreement"]["title"]], version_label(data))
    for block in blocks(data):
        kind = block[0]
        if kind in ("h1", "h2", "h3", "h4"):
            document.add_heading(cells.text(block[1]), level=int(kind[1]) - 1)
        elif kind == "p":
            document.add_paragraph(cells.text(block[1]))
        elif kind == "li":
            document.add_paragraph(cells.text(block[1]), style="List Bullet")
        elif kind == "table":
            header, rows = block[2], block[3]
            wordfile.add_table(
                document, header, [[cell(v) for v in row] for row in rows], numeric_columns(rows)
            )
            document.add_paragraph()
        elif kind == "image":
            document.add_picture(io.BytesIO(block[1]), width=Cm(block[2]))
            # The text alternative of the picture (Word reads it as the image's description).
            shape = document.inline_shapes[-1]._inline
            shape.docPr.set("descr", cells.text(block[3]))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
