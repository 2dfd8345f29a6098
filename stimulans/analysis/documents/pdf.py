"""The status report and a county's fact sheet as PDF: the print template
(`analysis/print/status_report.html`, which includes the page's own tables) laid out by
WeasyPrint as tagged PDF/UA (`lib.printpdf`). Charts are SVG images with text alternatives.
The money and answers tables are the page's partials (`_funds_tables.html`, `_answers.html`)."""

import base64
from html import escape

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from stimulans.lib import printpdf
from stimulans.lib.numbers import sek

from .. import charts
from ..texts import paragraphs
from .blocks import (
    county_names,
    flowchart_header,
    flowchart_tables,
    pots_with_effects,
    status_line,
    title,
    version_label,
)


def image(png, alt):
    """A chart as an image with its text alternative: the PNG the Word document shows (drawn
    at twice its printed scale). Not the SVG: WeasyPrint lays out an SVG text letter by
    letter, which made the charts a fifth of the PDF's rendering time."""
    src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    width = _png_width(png) // 2
    return mark_safe(f'<img src="{src}" width="{width}" alt="{escape(alt)}">')  # noqa: S308


def _png_width(png):
    return int.from_bytes(png[16:20], "big")  # the IHDR chunk's width


def _alt(chart_title, items, fmt):
    values = "; ".join(f"{label}: {fmt(value)}" for label, value in items)
    return f"{chart_title}. {values}" if values else chart_title


def _kronor(value):
    return sek(value) if value is None else _("%(sek)s kr") % {"sek": sek(value)}


def _part(item):
    # No chart of the funds per category: the category table's last column holds the same
    # figures (see docs/performance.md, "The status report as PDF").
    pots = [{**pot, "funds_chart": None} for pot in pots_with_effects(item)]
    columns = item["flowchart"]
    flow_alt = _("Flödesschema från resurser till effekter: %(columns)s") % {
        "columns": "; ".join(f"{heading}: {', '.join(lines)}" for heading, lines in columns)
    }
    return {
        **item,
        "anchor": f"del-{item['part']['slug']}",
        "pots": pots,
        "summary_paragraphs": paragraphs(item["summary"]),
        "answer_pots": _answer_pots(item["answers"]),
        "flow_header": flowchart_header(),
        "flow_tables": [
            {"label": label, "rows": rows} for label, _kind, rows in flowchart_tables(item)
        ],
        "flowchart_img": image(charts.flowchart_png(columns), flow_alt),
    }


def _answer_pots(answers):
    """The pots of a part's answers for `_answers.html`, without charts and free texts: the
    table of a select question holds every choice with its actors and share, the figures the
    page's bar chart draws (a chart per question was a fifth of the PDF's rendering time)."""
    return [
        {
            "pot": pot["pot"],
            "reporting": pot["reporting"],
            "questions": [
                {"figures": q["figures"], "rows": q["rows"], "chart": None}
                for q in pot["questions"]
            ],
        }
        for pot in answers["pots"]
    ]


def _indicators(data, short):
    county = data["county"]
    out = []
    for i in data["indicators"]:
        regions = [
            (short.get(r["scope"].split(":")[1], r["scope"]), r["value"]) for r in i["regions"]
        ]
        chart = charts.bar_chart_png(regions, highlight=short.get(county) if county else None)
        alt = _alt(i["indicator"]["title"], sorted(regions), charts.percent)
        out.append({**i, "national": i["row"], "own": None, "chart": image(chart, alt)})
    return out


def _texts(data):
    """The analysts' texts of the year as (anchor, heading, paragraphs); none in a fact sheet."""
    if data["county"]:
        return []
    texts = data["texts"]
    found = (
        ("sammanfattning", _("Sammanfattning"), paragraphs(texts["summary"])),
        ("inledning", _("Inledning"), paragraphs(texts["introduction"])),
        ("metod", _("Metod"), paragraphs(texts["method"])),
    )
    return [{"id": i, "title": t, "paragraphs": p} for i, t, p in found if p]


def context(data):
    """What the print template shows, from `snapshot.document_data`."""
    short, _names = county_names()
    parts = [_part(item) for item in data["parts"]]
    texts = _texts(data)
    toc = [{"id": t["id"], "title": t["title"]} for t in texts]
    toc.append({"id": "tackning", "title": _("Vilka har redovisat")})
    toc.append({"id": "medel", "title": pgettext("rubrik", "Medel")})
    if (data.get("support_needs") or {}).get("rows"):
        toc.append({"id": "stodbehov", "title": _("Stödbehov")})
    toc += [{"id": p["anchor"], "title": p["part"]["title"]} for p in parts]
    toc += [
        {"id": "indikatorer", "title": _("Indikatorer")},
        {"id": "kvalitetsflaggor", "title": _("Kvalitetsflaggor")},
    ]
    return {
        "title": title(data),
        "version_label": version_label(data),
        "status_line": status_line(data),
        "agreement": data["agreement"],
        "county": data["county"],
        "texts": texts,
        "coverage": data["coverage"],
        "funds": data["funds"],
        "support_needs": data.get("support_needs"),
        "parts": parts,
        "indicators": _indicators(data, short),
        "flags": data["flags"],
        "toc": toc,
    }


def render(data):
    """The PDF's bytes; the version label ("Utkast 2026-12-01", "Version 2, publicerad …") is
    on the cover and in the header of every page."""
    ctx = context(data)
    html = render_to_string("analysis/print/status_report.html", ctx)
    label = ctx["version_label"]
    return printpdf.write_pdf(html, ctx["title"], label, _("Sida {page} av {pages}"))
