"""The status report (lägesrapport) and county fact sheets as Word, PDF and Excel.

`blocks()` turns the result of `year_analysis.analyse_year` into a neutral list of headings,
paragraphs, tables and PNG images; each renderer lays those out in its format. Every table of
the report also goes to Excel, one sheet per table."""

import io
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from stimulans.core import cells

from . import charts
from .aggregation import flowchart


def sek(value):
    return "–" if value is None else f"{int(value):,}".replace(",", "\u00a0")


def _county_names():
    from stimulans.organisations.models import County

    return dict(County.objects.values_list("code", "short_name")), dict(
        County.objects.values_list("code", "name")
    )


def blocks(data):
    """[(kind, …)]: ("h1"|"h2"|"h3"|"p"|"li", text), ("table", name, header, rows),
    ("image", png, width_cm)."""
    agreement, county = data["agreement"], data["county"]
    short, names = _county_names()
    out = []
    title = _("Lägesrapport %(year)s") % {"year": agreement.year}
    if county:
        title += f" – {names.get(county, county)}"
    out.append(("h1", title))
    out.append(("p", agreement.title))
    summary = getattr(getattr(agreement, "status_report", None), "summary", "")
    if summary and not county:
        out.append(("h2", _("Sammanfattning")))
        out.extend(("p", para) for para in summary.split("\n") if para.strip())

    out.append(("h2", _("Vilka har redovisat")))
    out.append(
        (
            "table",
            _("Täckning"),
            [_("Mottagartyp"), _("Har redovisat"), _("Antal")],
            [[r["label"], r["reported"], r["total"]] for r in data["coverage"]["national"]],
        )
    )
    out.append(
        (
            "table",
            _("Täckning per län"),
            [_("Län"), _("Region"), _("Kommuner"), _("Länsgemensam mottagare")],
            [
                [
                    r["name"],
                    f"{r['region']['reported']}/{r['region']['total']}",
                    f"{r['municipality']['reported']}/{r['municipality']['total']}",
                    f"{r['county']['reported']}/{r['county']['total']}",
                ]
                for r in data["coverage"]["counties"]
            ],
        )
    )

    for item in data["parts"]:
        part, result, effects = item["part"], item["aggregate"], item["effects"]
        out.append(("h2", part.title))
        out.append(("image", charts.flowchart_png(flowchart(result)), 17))
        for pot in result["pots"]:
            out.append(("h3", pot["org_kind_label"]))
            out.append(
                (
                    "p",
                    _("%(n)d av %(total)d har redovisat.")
                    % {"n": pot["reporting_actors"], "total": pot["total_actors"]},
                )
            )
            out.append(
                (
                    "table",
                    f"{part.slug} {pot['org_kind']}",
                    [
                        _("Insatskategori"),
                        _("Aktörer med aktiviteter"),
                        _("…som beskrivit effekter"),
                        _("…effekter för målgruppen"),
                        _("Insatser"),
                        _("Medel (kr)"),
                    ],
                    [
                        [
                            c["title"],
                            c["actors_with_activities"],
                            c["actors_with_effects"],
                            c["actors_with_target_group_effects"],
                            c["initiatives"],
                            c["funds_sek"],
                        ]
                        for c in pot["categories"]
                    ]
                    + [
                        [
                            _("Totalt (unika aktörer)"),
                            pot["actors_with_activities"],
                            pot["actors_with_effects"],
                            pot["actors_with_target_group_effects"],
                            pot["initiatives"],
                            pot["funds_sek"],
                        ]
                    ],
                )
            )
            out.append(
                (
                    "image",
                    charts.bar_chart_png(
                        [(c["title"][:40], c["funds_sek"]) for c in pot["categories"]],
                        title=_("Medel per kategori (kr)"),
                        fmt=sek,
                        sort=False,
                    ),
                    16,
                )
            )
            listed = False
            for c in pot["categories"]:
                rows = effects.get((pot["pot_id"], c["category_id"]), [])
                if not rows:
                    continue
                if not listed:
                    out.append(("h4", _("Redovisade effekter per kategori")))
                    listed = True
                out.append(("p", f"{c['title']} ({len(rows)})"))
                for e in rows:
                    if e is None:
                        continue
                    text = f"{e['organisation']}: {e['effects']}"
                    if e["target_group"]:
                        text += " " + _("(målgrupp)")
                    out.append(("li", text[:600]))
                hidden = sum(1 for e in rows if e is None)
                if hidden:
                    out.append(("li", _("… och %(n)d till.") % {"n": hidden}))
        out.append(
            (
                "table",
                f"{part.slug} {_('kvalitet')}",
                [_("Kvalitetsflagga"), _("Antal"), _("Redovisningar")],
                [[f["label"], f["count"], f["reports"]] for f in item["flags"]],
            )
        )

    out.append(("h2", _("Indikatorer")))
    out.append(
        (
            "table",
            _("Indikatorer"),
            [_("Indikator"), _("Täljare"), _("Nämnare"), _("Värde")],
            [
                [
                    i["indicator"].title,
                    i["row"]["numerator"],
                    i["row"]["denominator"],
                    charts.percent(i["row"]["value"]),
                ]
                for i in data["indicators"]
            ],
        )
    )
    out.append(
        (
            "table",
            _("Indikatorer per län"),
            [_("Indikator"), _("Län"), _("Täljare"), _("Nämnare"), _("Värde")],
            [
                [
                    r["indicator"],
                    names.get(r["scope"].split(":")[1], r["scope"]),
                    r["numerator"],
                    r["denominator"],
                    charts.percent(r["value"]),
                ]
                for r in data["indicator_rows"]
                if r["scope"] != "national"
            ],
        )
    )
    for i in data["indicators"]:
        regions = [
            (short.get(r["scope"].split(":")[1], r["scope"]), r["value"]) for r in i["regions"]
        ]
        out.append(
            (
                "image",
                charts.bar_chart_png(
                    regions,
                    title=i["indicator"].title[:90],
                    highlight=short.get(county) if county else None,
                ),
                16,
            )
        )

    out.append(("h2", _("Kvalitetsflaggor")))
    out.append(
        (
            "table",
            _("Kvalitetsflaggor"),
            [_("Flagga"), _("Antal"), _("Redovisningar")],
            [[f["label"], f["count"], f["reports"]] for f in data["flags"]],
        )
    )
    return out


def _cell(value):
    if value is None:
        return "–"
    if isinstance(value, int):
        return sek(value)
    return cells.text(value)


# --- Word ------------------------------------------------------------------------------------


def docx(data):
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    document.styles["Normal"].font.size = Pt(10)
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
                    row_cells[n].text = _cell(value)
        elif kind == "image":
            document.add_picture(io.BytesIO(block[1]), width=Cm(block[2]))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- PDF -------------------------------------------------------------------------------------

_fonts_registered = False


def _register_fonts():
    global _fonts_registered
    if _fonts_registered:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Vera", str(charts.FONT)))
    pdfmetrics.registerFont(TTFont("VeraBd", str(charts.FONT_BOLD)))
    pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="VeraBd")
    _fonts_registered = True


def pdf(data):
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
                    [Paragraph(escape(_cell(row[0])), styles["cell"])] + [_cell(v) for v in row[1:]]
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
            from PIL import Image as PILImage

            png = block[1]
            w, h = PILImage.open(io.BytesIO(png)).size
            target = min(block[2] * cm, width)
            story.append(Image(io.BytesIO(png), width=target, height=target * h / w))
            story.append(Spacer(1, 0.2 * cm))
    buffer = io.BytesIO()
    title = _("Lägesrapport %(year)s") % {"year": data["agreement"].year}
    SimpleDocTemplate(
        buffer, pagesize=A4, title=title, leftMargin=2 * cm, rightMargin=2 * cm
    ).build(story)
    return buffer.getvalue()


# --- Excel -----------------------------------------------------------------------------------


def xlsx(data):
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
                for e in item["effects"].get((pot["pot_id"], c["category_id"]), []):
                    if e is None:
                        continue
                    cells.append_row(
                        sheet,
                        [
                            item["part"].slug,
                            pot["org_kind_label"],
                            c["title"],
                            e["organisation"],
                            e["title"],
                            e["effects"],
                            _("Ja") if e["target_group"] else _("Nej"),
                            _("Ja") if e["measured"] else _("Nej"),
                        ],
                    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
