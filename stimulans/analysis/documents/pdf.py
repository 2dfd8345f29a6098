"""The status report and a county's fact sheet as PDF: the print template
(`analysis/print/status_report.html`, which includes the page's own tables) laid out by
WeasyPrint as tagged PDF/UA (`lib.printpdf`). Charts are SVG images with text alternatives."""

import base64
from html import escape

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from stimulans.lib import printpdf
from stimulans.lib.numbers import sek

from .. import charts
from .blocks import title
from .plain import plain


def image(svg, alt):
    """An SVG chart as an image with its text alternative."""
    src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")
    return mark_safe(f'<img src="{src}" alt="{escape(alt)}">')  # noqa: S308


def _alt(chart_title, items, fmt):
    values = "; ".join(f"{label}: {fmt(value)}" for label, value in items)
    return f"{chart_title}. {values}" if values else chart_title


def _kronor(value):
    return sek(value) if value is None else _("%(sek)s kr") % {"sek": sek(value)}


def _part(item):
    pots = []
    for pot in item["aggregate"]["pots"]:
        funds = [(c["title"], c["funds_sek"]) for c in pot["categories"]]
        chart = charts.bar_chart_svg(funds, fmt=_kronor, sort=False)
        alt = _alt(_("Medel per kategori"), funds, _kronor)
        pots.append({**pot, "funds_chart": image(chart, alt)})
    columns = item["flowchart"]
    flow_alt = _("Flödesschema från resurser till effekter: %(columns)s") % {
        "columns": "; ".join(f"{heading}: {', '.join(lines)}" for heading, lines in columns)
    }
    return {
        **item,
        "anchor": f"del-{item['part']['slug']}",
        "pots": pots,
        "flowchart_img": image(charts.flowchart_svg(columns), flow_alt),
    }


def _indicators(data):
    short = data["county_short_names"]
    county = data["county"]
    out = []
    for i in data["indicators"]:
        regions = [
            (short.get(r["scope"].split(":")[1], r["scope"]), r["value"]) for r in i["regions"]
        ]
        chart = charts.bar_chart_svg(regions, highlight=short.get(county) if county else None)
        alt = _alt(i["indicator"]["title"], sorted(regions), charts.percent)
        out.append({**i, "national": i["row"], "own": None, "chart": image(chart, alt)})
    return out


def context(data, version_label):
    """What the print template shows, from plain data."""
    data = plain(data)
    parts = [_part(item) for item in data["parts"]]
    summary = [] if data["county"] else data["agreement"]["summary"].split("\n")
    summary = [p for p in summary if p.strip()]
    toc = [{"id": "sammanfattning", "title": _("Sammanfattning")}] if summary else []
    toc.append({"id": "tackning", "title": _("Vilka har redovisat")})
    toc += [{"id": p["anchor"], "title": p["part"]["title"]} for p in parts]
    toc += [
        {"id": "indikatorer", "title": _("Indikatorer")},
        {"id": "kvalitetsflaggor", "title": _("Kvalitetsflaggor")},
    ]
    return {
        "title": title(data),
        "version_label": version_label,
        "agreement": data["agreement"],
        "county": data["county"],
        "summary": summary,
        "coverage": data["coverage"],
        "parts": parts,
        "indicators": _indicators(data),
        "flags": data["flags"],
        "toc": toc,
    }


def render(data, version_label):
    """The PDF's bytes; `version_label` ("Utkast 2026-12-01", "Version 2, publicerad …") is on
    the cover and in the header of every page."""
    ctx = context(data, version_label)
    html = render_to_string("analysis/print/status_report.html", ctx)
    return printpdf.write_pdf(html, ctx["title"], version_label, _("Sida {page} av {pages}"))
