"""A category's flowchart (`flowcharts.category_flowchart`) as server-rendered SVG: a column per
box of the chain with the largest groups and their actor counts, the part's aims last, and the
links drawn by link quality (colour and dash pattern, so they differ without colour too). The
page gives the same content as tables: the SVG is the picture, not the only source."""

from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from stimulans.lib.cells import text as _text

from .charts import FLOW_FONT, fit_lines, svg_text
from .flowcharts import AIMS

INK = "#1a1a1a"
BOX = "#e8f0f6"
EDGE = "#1f5f8b"
STYLES = {
    "target_group": ("#2e7d32", ""),
    "organisation": ("#1f5f8b", "7 3"),
    "insufficient": ("#b3471a", "2 3"),
    "uncoded": ("#666666", "9 3 2 3"),
}
# Text at `charts.FLOW_FONT` (13 px), lines broken between words only (`charts.fit_lines`).
BOX_WIDTH, GAP, LINE, PAD, TOP = 220, 56, 17, 7, 38
INNER, MAX_LINES = BOX_WIDTH - 2 * PAD, 3


def quality_labels():
    return {
        "target_group": _("Målgruppsinriktad"),
        "organisation": _("Verksamhetsinriktad"),
        "insufficient": _("Otillräcklig"),
        "uncoded": _("Inte kodad"),
    }


def _lines(text, limit=MAX_LINES):
    """[(line, fits)] of `text` in the box, at most `limit` lines; a longer text ends with "…"
    after its last whole word."""
    lines = fit_lines(text, INNER)
    if len(lines) > limit:
        lines = lines[:limit]
        last, _fits = lines[-1]
        while len(last.split()) > 1 and not _one_line(last + "…"):
            last = last.rsplit(" ", 1)[0]
        lines[-1] = (last + "…", _one_line(last + "…"))
    return lines


def _one_line(text):
    lines = fit_lines(text, INNER)
    return len(lines) == 1 and lines[0][1]


def _box(x, y, lines, bold_last=True):
    height = LINE * len(lines) + 2 * PAD
    out = [
        f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{height}" rx="5" fill="{BOX}" '
        f'stroke="{EDGE}"/>'
    ]
    for k, (line, fits) in enumerate(lines):
        weight = ' font-weight="bold"' if bold_last and k == len(lines) - 1 else ""
        y_line = y + PAD + LINE * (k + 1) - 4
        out.append(svg_text(x + PAD, y_line, line, fits, INNER, weight))
    return out, height


def category_flowchart_svg(chart, limit=8):
    """The SVG of one category's flowchart, the `limit` largest groups of each column."""
    columns = [(c["title"], c["groups"][:limit], len(c["groups"])) for c in chart["columns"]]
    if chart["aims"]:
        columns.append((_("Inriktning"), [{"id": AIMS, "aims": chart["aims"]}], 1))
    body, anchors, bottom = [], {}, TOP
    for n, (heading, groups, total) in enumerate(columns):
        x = 1 + n * (BOX_WIDTH + GAP)
        body.append(
            f'<text x="{x + BOX_WIDTH / 2}" y="20" text-anchor="middle" font-weight="bold">'
            f"{escape(_text(heading))}</text>"
        )
        y = TOP
        if not groups:
            body.append(f'<text x="{x + PAD}" y="{y + 14}">{escape(_("Inget redovisat"))}</text>')
            y += 24
        for g in groups:
            if g["id"] == AIMS:
                lines = _lines(g["aims"], 14)
                parts, height = _box(x, y, lines, bold_last=False)
            else:
                count = ngettext("%(n)d aktör", "%(n)d aktörer", g["actors"]) % {"n": g["actors"]}
                parts, height = _box(x, y, [*_lines(g["label"]), (count, True)])
            body.extend(parts)
            anchors[g["id"]] = (x, y + height / 2)
            y += height + 8
        if total > len(groups):
            more = ngettext(
                "och %(n)d grupp till", "och %(n)d grupper till", total - len(groups)
            ) % {"n": total - len(groups)}
            body.append(
                f'<text x="{x + PAD}" y="{y + 12}" font-style="italic">{escape(more)}</text>'
            )
            y += 22
        bottom = max(bottom, y)
    arrows = []
    for link in chart["links"]:
        if link["from"] not in anchors or link["to"] not in anchors:
            continue
        (ax, ay), (bx, by) = anchors[link["from"]], anchors[link["to"]]
        ax, bx = ax + BOX_WIDTH, bx - 2
        colour, dash = STYLES[link["quality"]]
        width = 1 + min(link["initiatives"], 4) * 0.5
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        mid = (ax + bx) / 2
        arrows.append(
            f'<path d="M{ax} {ay} C{mid} {ay} {mid} {by} {bx} {by}" fill="none" '
            f'stroke="{colour}" stroke-width="{width}"{dash_attr} '
            f'marker-end="url(#pil-{link["quality"]})"/>'
        )
    legend_y = bottom + 16
    legend = []
    for k, (quality, label) in enumerate(quality_labels().items()):
        colour, dash = STYLES[quality]
        lx = 1 + k * 250
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        legend.append(
            f'<path d="M{lx} {legend_y} h40" stroke="{colour}" stroke-width="2"{dash_attr}/>'
            f'<text x="{lx + 48}" y="{legend_y + 4}">{escape(str(label))}</text>'
        )
    width = len(columns) * (BOX_WIDTH + GAP) - GAP + 2
    height = legend_y + 12
    markers = "".join(
        f'<marker id="pil-{q}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        f'markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">'
        f'<path d="M0 0 L10 5 L0 10 z" fill="{colour}"/></marker>'
        for q, (colour, _dash) in STYLES.items()
    )
    title = _("Flödesschema för %(category)s") % {"category": _text(chart["title"])}
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" class="flowchart-svg" role="img" '
            f'aria-label="{escape(title)}" font-family="sans-serif" font-size="{FLOW_FONT}" '
            f'fill="{INK}">',
            f"<title>{escape(title)}</title><defs>{markers}</defs>",
            *arrows,
            *body,
            *legend,
            "</svg>",
        ]
    )
