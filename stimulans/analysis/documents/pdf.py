"""The status report as PDF (reportlab)."""

import io
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from stimulans.lib import cells

from .. import charts
from .blocks import blocks, cell, status_line

_fonts_registered = False


def _register_fonts():
    global _fonts_registered
    if _fonts_registered:
        return
    # Imported here, not at the top: reportlab is heavy and only this download needs it.
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Vera", str(charts.FONT)))
    pdfmetrics.registerFont(TTFont("VeraBd", str(charts.FONT_BOLD)))
    pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="VeraBd")
    _fonts_registered = True


def render(data):
    # Imported here, not at the top: reportlab is heavy and only this download needs it.
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_fonts()
    base = getSampleStyleSheet()
    styles = {
        "h1": ParagraphStyle("h1", parent=base["Title"], fontName="VeraBd"),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName="VeraBd"),
        "h3": ParagraphStyle("h3", parent=base["Heading3"], fontName="VeraBd"),
        "h4": ParagraphStyle("h4", parent=base["Heading4"], fontName="VeraBd"),
        "p": ParagraphStyle("p", parent=base["BodyText"], fontName="Vera", fontSize=9),
        "li": ParagraphStyle(
            "li",
            parent=base["BodyText"],
            fontName="Vera",
            fontSize=8,
            leftIndent=12,
            bulletIndent=2,
        ),
        "cell": ParagraphStyle(
            "cell", parent=base["BodyText"], fontName="Vera", fontSize=8, leading=10
        ),
        "head": ParagraphStyle(
            "head", parent=base["BodyText"], fontName="VeraBd", fontSize=8, leading=10
        ),
    }
    story = []
    width = A4[0] - 4 * cm
    for block in blocks(data):
        kind = block[0]
        if kind in ("h1", "h2", "h3", "h4", "p"):
            story.append(Paragraph(escape(cells.text(block[1])), styles[kind]))
        elif kind == "li":
            story.append(Paragraph(escape(cells.text(block[1])), styles["li"], bulletText="•"))
        elif kind == "table":
            _name, header, rows = block[1:]
            table_cells = [[Paragraph(escape(cells.text(h)), styles["head"]) for h in header]]
            for row in rows:
                table_cells.append(
                    [Paragraph(escape(cell(row[0])), styles["cell"])] + [cell(v) for v in row[1:]]
                )
            first = width * (0.4 if len(header) > 3 else 0.5)
            rest = (width - first) / max(1, len(header) - 1)
            table = Table(table_cells, colWidths=[first] + [rest] * (len(header) - 1), repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), "Vera", 8),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e9edf1")),
                        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(table)
            story.append(Spacer(1, 0.3 * cm))
        elif kind == "image":
            # Pillow: heavy, only for the image sizes of this download.
            from PIL import Image as PILImage

            png = block[1]
            w, h = PILImage.open(io.BytesIO(png)).size
            target = min(block[2] * cm, width)
            story.append(Image(io.BytesIO(png), width=target, height=target * h / w))
            story.append(Spacer(1, 0.2 * cm))
    buffer = io.BytesIO()
    title = _("Lägesrapport %(year)s") % {"year": data["agreement"]["year"]}
    header = cells.text(status_line(data))

    def on_page(canvas, _document):
        """The draft mark or the version, and the date, at the top of every page."""
        canvas.saveState()
        canvas.setFont("Vera", 8)
        canvas.drawRightString(A4[0] - 2 * cm, A4[1] - 1.2 * cm, header)
        canvas.restoreState()

    SimpleDocTemplate(
        buffer, pagesize=A4, title=title, leftMargin=2 * cm, rightMargin=2 * cm
    ).build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
