"""The boundary between the analysis and the documents: `plain(data)` turns what
`year_analysis.analyse_year` returns into plain data (dicts, lists, strings, numbers; JSON can
hold it), so that a document renders the same from the live analysis and from a published
snapshot. `version_label` is the label (`lib.labels`) of the year's documents as they stand."""

from django.utils import timezone

from stimulans.lib.labels import draft_label, published_label
from stimulans.organisations.models import County

from ..models import StatusReport

__all__ = ["draft_label", "plain", "published_label", "version_label"]


def _agreement(agreement):
    summary = (
        StatusReport.objects.filter(agreement=agreement).values_list("summary", flat=True).first()
    )
    return {"year": agreement.year, "title": agreement.title, "summary": summary or ""}


def _part(item):
    part, effects = item["part"], item["effects"]
    pots = [
        {
            **pot,
            "categories": [
                {**c, "effect_list": effects.get((pot["pot_id"], c["category_id"]), [])}
                for c in pot["categories"]
            ],
        }
        for pot in item["aggregate"]["pots"]
    ]
    plain_item = {k: v for k, v in item.items() if k != "effects"}
    plain_item["part"] = {"slug": part.slug, "title": part.title, "aims": part.aims}
    plain_item["aggregate"] = {**item["aggregate"], "pots": pots}
    plain_item["flowchart"] = [[heading, list(lines)] for heading, lines in item["flowchart"]]
    return plain_item


def plain(data):
    """`data` of `analyse_year` as plain data; plain data is returned as it is. The effects of
    each category are in its row (`effect_list`), the county names in `county_names` and
    `county_short_names`."""
    if data.get("plain"):
        return data
    counties = list(County.objects.values_list("code", "name", "short_name"))
    return {
        **data,
        "plain": True,
        "agreement": _agreement(data["agreement"]),
        "parts": [_part(item) for item in data["parts"]],
        "indicators": [
            {
                **i,
                "indicator": {
                    "code": i["indicator"].code,
                    "title": i["indicator"].title,
                    "unit": i["indicator"].unit,
                },
            }
            for i in data["indicators"]
        ],
        "county_names": {code: name for code, name, _short in counties},
        "county_short_names": {code: short for code, _name, short in counties},
    }


def version_label(agreement):
    """The label of the year's documents as they stand: "Publicerad DATUM" once the status
    report is published, else "Utkast" and today's date."""
    report = StatusReport.objects.filter(agreement=agreement, published=True).first()
    if report is None:
        return draft_label()
    return published_label(None, report.published_at or timezone.localdate())
