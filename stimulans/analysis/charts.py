"""Static charts for pages and documents: horizontal bar charts and the program-logic flowchart,
as SVG (pages) and PNG (Word and PDF) so they print. No JavaScript, no plotting library."""

import functools
import io
from html import escape
from pathlib import Path

import reportlab
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from stimulans.lib.cells import text as _text

FONT = Path(reportlab.__file__).resolve().parent / "fonts" / "Vera.ttf"
FONT_BOLD = Path(reportlab.__file__).resolve().parent / "fonts" / "VeraBd.ttf"
BAR = "#1f5f8b"
HIGHLIGHT = "#c2571a"
BOX = "#e8f0f6"
INK = "#1a1a1a"


def percent(value):
    return "–" if value is None else f"{value * 100:.1f} %".replace(".", ",")


def _bars(items, sort):
    items = [(_short(_text(label)), value) for label, value in items]
    if sort:
        items.sort(key=lambda i: (i[1] is None, -(i[1] or 0)))
    return items


def _short(label, limit=48):
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _label_width(items):
    """Room for the labels at 12 px sans-serif (about 7 px a character)."""
    return min(340, max([len(label) for label, _v in items] or [4]) * 7 + 12)


def _name(title, label):
    """The chart's accessible name: its drawn title, else the label the page gives it."""
    return _text(title) or _text(label) or _("Stapeldiagram")


def bar_chart_svg(items, title="", fmt=percent, sort=True, highlight=None, width=640, label=""):
    """items: [(label, value or None)]; values ≥ 0. Empty values are listed without a bar.
    `label` names a chart without a drawn title (its accessible name, read by screen
    readers): every chart has one."""
    items, name, title = _bars(items, sort), _name(title, label), _text(title)
    row, left, top = 20, _label_width(items), 28 if title else 6
    height = top + row * len(items) + 6
    top_value = max([v for _l, v in items if v is not None] or [1]) or 1
    span = width - left - 120
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(name)}" '
        f'font-family="sans-serif" font-size="12"><title>{escape(name)}</title>'
    ]
    if title:
        out.append(f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>')
    for n, (label, value) in enumerate(items):
        y = top + n * row
        out.append(
            f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">{escape(str(label))}</text>'
        )
        if value is not None:
            w = max(1, round(span * value / top_value))
            colour = HIGHLIGHT if label == highlight else BAR
            out.append(
                f'<rect x="{left}" y="{y + 3}" width="{w}" height="{row - 6}" fill="{colour}"/>'
            )
            out.append(f'<text x="{left + w + 4}" y="{y + 14}">{escape(fmt(value))}</text>')
        else:
            out.append(f'<text x="{left + 4}" y="{y + 14}" fill="#666">{escape(fmt(None))}</text>')
    out.append("</svg>")
    return "".join(out)


@functools.lru_cache(maxsize=32)
def _font(size, bold=False):
    return ImageFont.truetype(str(FONT_BOLD if bold else FONT), size)


# Flowchart text at a reading size: 13 px (the charts drew 11), and the page shows the SVG at
# its own size, scrolling it sideways rather than scaling it down (`svg.flowchart-svg`, site.css).
FLOW_FONT, FLOW_LINE = 13, 17


def fit_lines(text, width, size=FLOW_FONT, bold=False):
    """`text` in lines at most `width` px wide at `size` px, broken between words only, never
    inside a word nor at its hyphens (measured with Vera, a little wider than the browsers'
    sans-serif): [(line, fits)]. A word wider than `width` is a line of its own whose `fits` is
    False; the caller squeezes it into the box (`svg_text`) rather than breaking it."""
    font = _font(size, bold)
    lines, current = [], ""
    for word in _text(text).split():
        trial = f"{current} {word}" if current else word
        if current and font.getlength(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return [(line, font.getlength(line) <= width) for line in lines] or [("", True)]


def svg_text(x, y, line, fits, width, attrs=""):
    """A `<text>` of one line; a line that does not fit (one long word) is squeezed to `width`
    with `textLength`, so that it stays whole and inside its box."""
    squeeze = "" if fits else f' textLength="{width}" lengthAdjust="spacingAndGlyphs"'
    return f'<text x="{x}" y="{y}"{squeeze}{attrs}>{escape(line)}</text>'


def _png_line(draw, xy, line, width, size, fill):
    """Draw one line in the PNG; a line wider than `width` (one long word) in a smaller font."""
    font = _font(size)
    while size > 8 and font.getlength(line) > width:
        size -= 1
        font = _font(size)
    draw.text(xy, line, fill=fill, font=font)


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def bar_chart_png(items, title="", fmt=percent, sort=True, highlight=None, width=1280):
    """The same chart as a PNG at twice the SVG's scale."""
    items, title = _bars(items, sort), _text(title)
    s = 2
    row, left, top = 20 * s, _label_width(items) * s, (28 if title else 6) * s
    height = top + row * len(items) + 6 * s
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font, bold = _font(12 * s), _font(12 * s, True)
    if title:
        draw.text((0, 2 * s), title, fill=INK, font=bold)
    top_value = max([v for _l, v in items if v is not None] or [1]) or 1
    span = width - left - 120 * s
    for n, (label, value) in enumerate(items):
        y = top + n * row
        draw.text((left - 6 * s, y + 3 * s), str(label), fill=INK, font=font, anchor="ra")
        if value is not None:
            w = max(1, round(span * value / top_value))
            colour = HIGHLIGHT if label == highlight else BAR
            draw.rectangle([left, y + 3 * s, left + w, y + row - 3 * s], fill=colour)
            draw.text((left + w + 4 * s, y + 3 * s), fmt(value), fill=INK, font=font)
        else:
            draw.text((left + 4 * s, y + 3 * s), fmt(None), fill="#666666", font=font)
    return _png(image)


def chart_table(items, fmt=percent, caption="", column="", sort=True):
    """The chart's figures as a table, folded under it: the alternative to the picture."""
    items = _bars(items, sort)
    rows = "".join(
        f'<tr><th scope="row">{escape(str(label))}</th>'
        f'<td class="num">{escape(fmt(value))}</td></tr>'
        for label, value in items
    )
    caption = f"<caption>{escape(_text(caption))}</caption>" if caption else ""
    return (
        f'<details class="chart-data"><summary>{escape(_("Visa siffrorna som tabell"))}</summary>'
        f'<table>{caption}<thead><tr><th scope="col">{escape(_("Namn"))}</th>'
        f'<th scope="col" class="num">{escape(column or _("Värde"))}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )


def bar_chart_html(items, title="", fmt=percent, sort=True, highlight=None, label="", column=""):
    """The bar chart with its figures as a table beneath (pages)."""
    svg = bar_chart_svg(items, title, fmt, sort, highlight, label=label)
    return svg + chart_table(items, fmt, _name(title, label), column, sort)


def _flow_columns(columns, box_width, size):
    """The columns' headings and their lines fitted to the box: [(heading, [(line, fits)])]."""
    inner = box_width - 12
    return [
        (_text(h), [fitted for line in lines for fitted in fit_lines(line, inner, size)])
        for h, lines in columns
    ]


def flowchart_svg(columns, box_width=160, gap=24, label=""):
    """columns: [(heading, [lines])], drawn left to right with arrows between the boxes; the
    text at `FLOW_FONT`, wrapped between words (`fit_lines`)."""
    wrapped = _flow_columns(columns, box_width, FLOW_FONT)
    name = _text(label) or _("Flödesschema: %(steps)s") % {
        "steps": " → ".join(h for h, _w in wrapped)
    }
    lines = max(len(w) for _h, w in wrapped) if wrapped else 1
    height = 44 + FLOW_LINE * lines
    width = len(columns) * (box_width + gap) - gap + 2
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 2}" '
        f'width="{width}" height="{height + 2}" class="flowchart-svg" role="img" '
        f'aria-label="{escape(name)}" font-family="sans-serif" font-size="{FLOW_FONT}">'
        f"<title>{escape(name)}</title>"
    ]
    for n, (heading, text) in enumerate(wrapped):
        x = 1 + n * (box_width + gap)
        out.append(
            f'<rect x="{x}" y="1" width="{box_width}" height="{height}" rx="6" fill="{BOX}" '
            f'stroke="{BAR}"/>'
        )
        out.append(
            f'<text x="{x + box_width / 2}" y="20" text-anchor="middle" font-weight="bold">'
            f"{escape(str(heading))}</text>"
        )
        for k, (line, fits) in enumerate(text):
            out.append(svg_text(x + 6, 42 + FLOW_LINE * k, line, fits, box_width - 12))
        if n < len(wrapped) - 1:
            ax, ay = x + box_width + 2, height / 2
            out.append(
                f'<path d="M{ax} {ay} h{gap - 8} m-6 -5 l6 5 l-6 5" fill="none" stroke="{INK}"/>'
            )
    out.append("</svg>")
    return "".join(out)


def flowchart_png(columns, box_width=160, gap=24):
    """The flowchart as a PNG for Word and PDF, at twice the SVG's size, the same lines."""
    s = 2
    wrapped = _flow_columns(columns, box_width, FLOW_FONT)
    lines = max(len(w) for _h, w in wrapped) if wrapped else 1
    height = (44 + FLOW_LINE * lines) * s
    width = (len(columns) * (box_width + gap) - gap + 2) * s
    image = Image.new("RGB", (width, height + 2 * s), "white")
    draw = ImageDraw.Draw(image)
    bold = _font(FLOW_FONT * s, True)
    for n, (heading, text) in enumerate(wrapped):
        x = (1 + n * (box_width + gap)) * s
        draw.rounded_rectangle(
            [x, s, x + box_width * s, height], radius=6 * s, fill=BOX, outline=BAR, width=s
        )
        draw.text((x + box_width * s / 2, 8 * s), str(heading), fill=INK, font=bold, anchor="ma")
        for k, (line, _fits) in enumerate(text):
            xy = (x + 6 * s, (30 + FLOW_LINE * k) * s)
            _png_line(draw, xy, line, (box_width - 12) * s, FLOW_FONT * s, INK)
        if n < len(wrapped) - 1:
            ax, ay = x + (box_width + 2) * s, height / 2
            bx = ax + (gap - 8) * s
            draw.line([ax, ay, bx, ay], fill=INK, width=s)
            draw.line([bx - 6 * s, ay - 5 * s, bx, ay, bx - 6 * s, ay + 5 * s], fill=INK, width=s)
    return _png(image)
