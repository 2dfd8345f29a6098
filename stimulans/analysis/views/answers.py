"""The answers page of a part: per pot the questionnaire's questions as tables and bar charts,
beside the previous year's figures; the same tables in the year's status report."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from stimulans.funds.models import Agreement, AgreementPart
from stimulans.lib.numbers import sek
from stimulans.organisations.models import County

from .. import charts
from ..answers import compare_answers, part_answers, previous_part
from ..permissions import analysis_scope
from ..plain import plain
from .access import county_param, scope_or_refuse, shown_version, year_data


def previous_readable(user: Any, part: AgreementPart, county: str | None) -> AgreementPart | None:
    """Last year's part of the same slug, if `user` may read that year's figures for `county`."""
    previous = previous_part(part)
    if previous is None:
        return None
    scope = analysis_scope(user, previous.agreement)
    return previous if scope is not None and scope.allows(county) else None


def answer_pots(comparison: dict[str, Any], text_limit: int | None = None) -> list[dict[str, Any]]:
    """The pots of a comparison (as plain data, `analysis.plain`) for the template
    `_answers.html`, with a bar chart of each select question's choices (in the questionnaire's
    order) and at most `text_limit` free-text answers per question."""
    pots = []
    for pot in comparison["pots"]:
        questions = []
        for q in pot["questions"]:
            chart = None
            figures = q["figures"]
            if figures["choices"] is not None:
                chart = mark_safe(  # noqa: S308 – the chart escapes every text it draws
                    charts.bar_chart_html(
                        [(c["label"], c["actors"]) for c in figures["choices"]],
                        title=figures["label"],
                        fmt=sek,
                        sort=False,
                        column=_("Antal"),
                    )
                )
            questions.append({"figures": figures, "rows": q["rows"], "chart": chart})
        texts = [
            {**t, "answers": t["answers"][:text_limit] if text_limit else t["answers"]}
            for t in pot["pot"]["texts"]
            if t["total"]
        ]
        pots.append(
            {
                "pot": pot["pot"],
                "reporting": pot["reporting"],
                "questions": questions,
                "texts": texts,
            }
        )
    return pots


def part_answers_page(request: HttpRequest, year: int, part: str) -> HttpResponse:
    """Svar på enkätfrågorna: one part's answers, filter by county."""
    agreement = get_object_or_404(Agreement, year=year)
    county = county_param(request)
    scope, refused = scope_or_refuse(request, agreement, county)
    if refused:
        return refused
    part_obj = get_object_or_404(AgreementPart, agreement=agreement, slug=part)
    if shown_version(request, agreement) is not None:
        # A published year: the answers as published (this part's row of the version).
        data = year_data(
            request, agreement, county, scope, parts=[part], effects=0, flag_list=False
        )
        item = next(i for i in data["parts"] if i["part"]["slug"] == part)
        comparison = item["answers"]
        previous_year = comparison["previous"]["year"] if comparison["previous"] else None
    else:
        current = part_answers(part_obj, county, visible=scope.counties)
        previous = previous_readable(request.user, part_obj, county)
        comparison = plain(
            compare_answers(
                current, part_answers(previous, county, text_limit=0) if previous else None
            )
        )
        previous_year = previous.agreement.year if previous else None
    return render(
        request,
        "analysis/part_answers.html",
        {
            "agreement": agreement,
            "part": part_obj,
            "county": county,
            "counties": scope.county_choices(County.objects.all()),
            "answer_pots": answer_pots(comparison),
            "previous_year": previous_year,
        },
    )
