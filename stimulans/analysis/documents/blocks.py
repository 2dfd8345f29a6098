"""The status report as a neutral list of blocks: ("h1".."h4", text), ("p", text),
("li", text), ("table", name, header, rows) and ("image", png, width in cm)."""

from django.utils.translation import gettext as _

from stimulans.lib import cells
from stimulans.lib.numbers import sek
from stimulans.organisations.models import County

from .. import charts
from ..texts import paragraphs
from ..year_analysis import effect_key


def _county_names():
    return dict(County.objects.values_list("code", "short_name")), dict(
        County.objects.values_list("code", "name")
    )


def blocks(data):
    """[(kind, …)]: ("h1"|"h2"|"h3"|"p"|"li", text), ("table", name, header, rows),
    ("image", png, width_cm)."""
    agreement, county = data["agreement"], data["county"]
    short, names = _county_names()
    out = []
    title = _("Lägesrapport %(year)s") % {"year": agreement["year"]}
    if county:
        title += f" – {names.get(county, county)}"
    out.append(("h1", title))
    out.append(("p", agreement["title"]))
    out.append(("p", status_line(data)))
    texts = data["texts"]
    for heading, key in (
        (_("Sammanfattning"), "summary"),
        (_("Inledning"), "introduction"),
        (_("Metod"), "method"),
    ):
        if texts[key] and not county:
            out.append(("h2", heading))
            out.extend(("p", para) for para in paragraphs(texts[key]))

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
        out.append(("h2", part["title"]))
        if item["summary"]:
            out.append(("h3", _("Sammanfattande iakttagelser")))
            out.extend(("p", para) for para in paragraphs(item["summary"]))
        out.append(("image", charts.flowchart_png(item["flowchart"]), 17))
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
                    f"{part['slug']} {pot['org_kind']}",
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
                rows = effects.get(effect_key(pot["pot_id"], c["category_id"]), [])
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
                f"{part['slug']} {_('kvalitet')}",
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
                    i["indicator"]["title"],
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
                    title=i["indicator"]["title"][:90],
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


def status_line(data):
    """ "Utkast" and the date, or the published version, its date and note."""
    if data["draft"]:
        return _("Utkast %(date)s") % {"date": data["date"]}
    version = data["version"]
    line = _("Version %(number)d, publicerad %(date)s") % {
        "number": version["number"],
        "date": version["published_at"],
    }
    return f"{line}. {version['note']}" if version["note"] else line


def cell(value):
    if value is None:
        return "–"
    if isinstance(value, int):
        return sek(value)
    return cells.text(value)
