"""The status report as a neutral list of blocks for Word and Excel: ("h1".."h4", text),
("p", text), ("li", text), ("table", sheet, header, rows[, caption]) and ("image", png, width in cm,
alt): `sheet` is the table's short Swedish name (an Excel sheet), `caption` its full title.

Table cells are text, whole numbers (`int`), shares (`Share`, 0–1) or None (no value); Word
writes them in Swedish form, Excel as numbers with a number format."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from stimulans.lib import cells
from stimulans.lib.labels import draft_label, published_label
from stimulans.lib.numbers import sek
from stimulans.organisations.models import County

from .. import charts
from ..support_needs import support_needs_blocks
from ..texts import paragraphs
from ..year_analysis import effect_key


class Share(float):
    """A share 0–1 (an indicator's value): a percentage in Word, a number in Excel."""


def _indicator_value(value, unit):
    """A share as a percentage; an indicator on statistics with another unit (e.g. per 1 000
    inhabitants) as its number."""
    return _share(value) if unit in ("%", "", None) else value


def title(data):
    """The document's title: "Lägesrapport 2020" or "Länsfaktablad 2020 – Stockholms län"."""
    year = data["agreement"]["year"]
    county = data["county"]
    if county:
        return _("Länsfaktablad %(year)s – %(county)s") % {
            "year": year,
            "county": data["county_name"] or county,
        }
    return _("Lägesrapport %(year)s") % {"year": year}


def version_label(data):
    """The label on every page: "Utkast 2026-12-01" for a draft, "Version 2, publicerad
    2026-12-01" for a published version (`snapshot.document_data`'s keys)."""
    if data["draft"]:
        return draft_label(datetime.date.fromisoformat(data["date"]))
    version = data["version"]
    return published_label(version["number"], datetime.date.fromisoformat(version["published_at"]))


def status_line(data):
    """The version label and, for a published version, its note (on the cover)."""
    label = version_label(data)
    note = (data["version"] or {}).get("note")
    return f"{label}. {note}" if note else label


def county_names():
    """({code: short name}, {code: name}) of the counties, for the charts and tables."""
    counties = list(County.objects.values_list("code", "short_name", "name"))
    return {c: short for c, short, _n in counties}, {c: name for c, _s, name in counties}


def pots_with_effects(item):
    """A part's pots with each category's effects (`effect_list`, as shortened by
    `snapshot.document_data`; None for one counted but not shown)."""
    effects = item["effects"]
    return [
        {
            **pot,
            "categories": [
                {**c, "effect_list": effects.get(effect_key(pot["pot_id"], c["category_id"]), [])}
                for c in pot["categories"]
            ],
        }
        for pot in item["aggregate"]["pots"]
    ]


def text_blocks(data):
    """The analysts' texts of the year (summary, introduction, method); none in a fact sheet."""
    if data["county"]:
        return []
    out = []
    texts = data["texts"]
    for heading, key in (
        (_("Sammanfattning"), "summary"),
        (_("Inledning"), "introduction"),
        (_("Metod"), "method"),
    ):
        if texts[key]:
            out.append(("h2", heading))
            out.extend(("p", para) for para in paragraphs(texts[key]))
    return out


def money_header():
    return [
        _("Fördelat"),
        _("Rekvirerat"),
        pgettext("medel", "Erhållet"),
        _("Överfört från föregående år"),
        pgettext("medel", "Använt"),
        pgettext("medel", "På insatser"),
        _("Använt utan insats"),
        _("Redovisningar"),
    ]


def _money_cells(m):
    return [
        m["allocated_sek"],
        m["requisitioned_sek"],
        m["received_sek"],
        m["carried_over_sek"],
        m["used_sek"],
        m["initiatives_sek"],
        m["gap_sek"],
        m["reports"],
    ]


def money_blocks(data):
    """The money followed through (`data["funds"]`): per pot with the total, and the
    organisations that reported no funds used."""
    current = data["funds"]["current"]
    rows = [
        [p["part_title"], p["org_kind_label"], *_money_cells(p["money"])] for p in current["pots"]
    ]
    rows.append([pgettext("medel", "Totalt"), "", *_money_cells(current["total"])])
    caption = _("Medel per pott i länet") if data["county"] else _("Medel per pott i hela landet")
    out = [
        ("h2", pgettext("rubrik", "Medel")),
        ("p", _("Belopp i kronor.")),
        (
            "table",
            pgettext("rubrik", "Medel"),
            [_("Del"), _("Mottagartyp"), *money_header()],
            rows,
            caption,
        ),
    ]
    if current["no_use"]:
        out.append(("h3", _("Organisationer som inte redovisat några använda medel")))
        out.append(
            (
                "table",
                _("Utan använda medel"),
                [_("Organisation"), _("Del"), _("Mottagartyp"), pgettext("medel", "Erhållet")],
                [
                    [r["organisation"], r["part_title"], r["org_kind_label"], r["received_sek"]]
                    for r in current["no_use"]
                ],
            )
        )
    return out


def answer_blocks(number, item):
    """The answers to the part's questionnaire questions: per pot a table per question, this
    year beside the previous year's when there is one."""
    answers = item["answers"]
    previous = answers["previous"]["year"] if answers["previous"] else None
    year = answers["current"]["year"]
    out = []
    for pot in answers["pots"]:
        if not pot["questions"]:
            continue
        if not out:
            out.append(("h3", _("Svar på enkätfrågorna")))
        out.append(("h4", pot["pot"]["org_kind_label"]))
        for q in pot["questions"]:
            choices = q["figures"]["choices"] is not None
            header = [_("Svarsalternativ") if choices else _("Uppgift"), str(year)]
            if choices:
                header.append(_("Andel av de svarande"))
            if previous:
                header += [str(previous), _("Förändring")]
            rows = []
            for r in q["rows"]:
                shown = r.get("shown")
                row = [r["label"], r["value"] if shown is None else shown]
                if choices:
                    row.append(_share(r["share"]))
                if previous:
                    before = r["previous"] if shown is None else r.get("previous_shown")
                    row += [before, r["change"]]
                rows.append(row)
            sheet = _("Del %(n)d – svar %(kind)s") % {
                "n": number,
                "kind": _kind(pot["pot"]["org_kind"]),
            }
            out.append(("p", q["figures"]["label"]))
            out.append(
                (
                    "table",
                    sheet,
                    header,
                    rows,
                    f"{pot['pot']['org_kind_label']}: {q['figures']['label']}",
                )
            )
    return out


def _share(value):
    return None if value is None else Share(value)


def _chart_alt(chart_title, items, fmt):
    values = "; ".join(f"{label}: {fmt(value)}" for label, value in items)
    return f"{chart_title}. {values}" if values else chart_title


def category_header():
    return [
        _("Insatskategori"),
        _("Aktörer med aktiviteter"),
        _("…som beskrivit effekter"),
        _("…effekter för målgruppen"),
        _("Insatser"),
        _("Medel (kr)"),
    ]


def _kind(org_kind):
    return {"region": _("Region"), "municipality": _("Kommun"), "county": _("Län")}.get(
        org_kind, org_kind
    )


def sheet_name(number, pot):
    """The Excel sheet of one pot's category table: "Del 2 – Kommun"."""
    return _("Del %(n)d – %(kind)s") % {"n": number, "kind": _kind(pot["org_kind"])}


FLOWCHART_GROUPS = 3  # the groups shown per column of a category's flowchart in a document


def flowchart_header():
    return [_("Kategori"), _("Aktiviteter"), _("Mål"), _("Prestationer"), _("Effekter")]


def flowchart_tables(item):
    """The part's category flowcharts (`category_flowcharts`, from `snapshot.document_data`)
    as tables, one per pot: [(recipient kind label, org_kind, rows)], a row per category with
    its name and, per column, the most reported groups with their number of actors (categories
    without initiatives left out)."""
    charts_data = item.get("category_flowcharts")
    if not charts_data:
        return []
    titles = {
        (pot["org_kind"], c["category"]): c["title"]
        for pot in item["aggregate"]["pots"]
        for c in pot["categories"]
    }
    labels = {pot["org_kind"]: pot["org_kind_label"] for pot in item["aggregate"]["pots"]}
    out = []
    for pot in charts_data["pots"]:
        rows = []
        for c in pot["categories"]:
            if not c["initiatives"]:
                continue
            cells = []
            for column in c["columns"]:
                top = sorted(column["groups"], key=lambda g: -g["actors"])[:FLOWCHART_GROUPS]
                text = "; ".join(
                    ngettext("%(label)s (%(n)d aktör)", "%(label)s (%(n)d aktörer)", g["actors"])
                    % {"label": g["label"][:120], "n": g["actors"]}
                    for g in top
                )
                more = len(column["groups"]) - len(top)
                if more > 0:
                    text += " " + _("… och %(n)d till.") % {"n": more}
                cells.append(text or "\u2013")
            rows.append([titles.get((pot["org_kind"], c["category"]), c["category"]), *cells])
        if rows:
            out.append((labels.get(pot["org_kind"], pot["org_kind"]), pot["org_kind"], rows))
    return out


def _flowchart_blocks(number, item):
    out = []
    for label, org_kind, rows in flowchart_tables(item):
        out.append(("h4", _("Flödesschema per kategori: %(kind)s") % {"kind": label}))
        out.append(
            (
                "table",
                _("Del %(n)d – flöde %(kind)s") % {"n": number, "kind": _kind(org_kind)},
                flowchart_header(),
                rows,
                f"{item['part']['title']} – {label}",
            )
        )
    return out


def _part_blocks(number, item):
    part = item["part"]
    out = [("h2", part["title"])]
    if item["summary"]:
        out.append(("h3", _("Sammanfattande iakttagelser")))
        out.extend(("p", para) for para in paragraphs(item["summary"]))
    out.append(
        (
            "image",
            charts.flowchart_png(item["flowchart"]),
            17,
            _("Flödesschema från resurser till effekter: %(columns)s")
            % {
                "columns": "; ".join(
                    f"{heading}: {', '.join(lines)}" for heading, lines in item["flowchart"]
                )
            },
        )
    )
    for pot in pots_with_effects(item):
        out.append(("h3", pot["org_kind_label"]))
        out.append(
            (
                "p",
                _("%(n)d av %(total)d har redovisat.")
                % {"n": pot["reporting_actors"], "total": pot["total_actors"]},
            )
        )
        rows = [
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
        rows.append(
            [
                _("Totalt (unika aktörer)"),
                pot["actors_with_activities"],
                pot["actors_with_effects"],
                pot["actors_with_target_group_effects"],
                pot["initiatives"],
                pot["funds_sek"],
            ]
        )
        caption = f"{part['title']} – {pot['org_kind_label']}"
        out.append(("table", sheet_name(number, pot), category_header(), rows, caption))
        funds = [(c["title"][:40], c["funds_sek"]) for c in pot["categories"]]
        chart_title = _("Medel per kategori (kr)")
        out.append(
            (
                "image",
                charts.bar_chart_png(funds, title=chart_title, fmt=sek, sort=False),
                16,
                _chart_alt(chart_title, funds, sek),
            )
        )
        listed = False
        for c in pot["categories"]:
            rows = c["effect_list"]
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
    out.extend(_flowchart_blocks(number, item))
    out.append(
        (
            "table",
            _("Del %(n)d – kvalitet") % {"n": number},
            [_("Kvalitetsflagga"), _("Antal"), _("Redovisningar")],
            [[f["label"], f["count"], f["reports"]] for f in item["flags"]],
            f"{part['title']} – {_('kvalitetsflaggor')}",
        )
    )
    out.extend(answer_blocks(number, item))
    return out


def blocks(data):
    """[(kind, …)]: ("h1"|"h2"|"h3"|"h4"|"p"|"li", text), ("table", sheet, header, rows[,
    caption]), ("image", png, width_cm, alt)."""
    agreement, county = data["agreement"], data["county"]
    short, names = county_names()
    out = [("p", agreement["title"]), ("p", status_line(data)), *text_blocks(data)]

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
            [
                _("Län"),
                _("Region, har redovisat"),
                _("Kommuner, har redovisat"),
                _("Kommuner, antal"),
                _("Länsgemensam mottagare, har redovisat"),
            ],
            [
                [
                    r["name"],
                    r["region"]["reported"],
                    r["municipality"]["reported"],
                    r["municipality"]["total"],
                    r["county"]["reported"],
                ]
                for r in data["coverage"]["counties"]
            ],
        )
    )
    out.extend(money_blocks(data))
    out.extend(support_needs_blocks(data))
    for number, item in enumerate(data["parts"], start=1):
        out.extend(_part_blocks(number, item))

    out.append(("h2", _("Indikatorer")))
    out.append(
        (
            "table",
            _("Indikatorer"),
            [_("Indikator"), _("Täljare"), _("Nämnare"), _("Värde")],
            [
                [
                    i["indicator"]["title"],
                    i["row"]["numerator"],
                    i["row"]["denominator"],
                    _indicator_value(i["row"]["value"], i["indicator"].get("unit")),
                ]
                for i in data["indicators"]
            ],
        )
    )
    titles = {i["indicator"]["code"]: i["indicator"]["title"] for i in data["indicators"]}
    units = {i["indicator"]["code"]: i["indicator"].get("unit") for i in data["indicators"]}
    out.append(
        (
            "table",
            _("Indikatorer per län"),
            [_("Indikator"), _("Län"), _("Täljare"), _("Nämnare"), _("Värde")],
            [
                [
                    titles.get(r["indicator"], r["indicator"]),
                    names.get(r["scope"].split(":")[1], r["scope"]),
                    r["numerator"],
                    r["denominator"],
                    _indicator_value(r["value"], units.get(r["indicator"])),
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
        chart_title = i["indicator"]["title"]
        out.append(
            (
                "image",
                charts.bar_chart_png(
                    regions,
                    title=chart_title[:90],
                    highlight=short.get(county) if county else None,
                ),
                16,
                _chart_alt(chart_title, regions, charts.percent),
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


def is_number(value):
    return value is None or isinstance(value, int | float)


def numeric_columns(rows):
    """The columns (after the first) that hold numbers in every row: right aligned."""
    width = max((len(r) for r in rows), default=0)
    return {n for n in range(1, width) if all(is_number(r[n]) for r in rows if n < len(r))}


def cell(value):
    """A table cell as Swedish text: 2 345, 80,0 %, a dash for no value."""
    if value is None:
        return "–"
    if isinstance(value, Share):
        return charts.percent(value)
    if isinstance(value, int):
        return sek(value)
    if isinstance(value, float):
        return cells.number_text(value)
    return cells.text(value)
