"""Irreversible actions ask first: a confirmation page that works without JavaScript.

A view that does something that cannot be undone answers its first POST with
`confirmation(...)`: a page saying what will happen, with a form that posts the same fields
again plus ``confirmed=1``; only that second POST (`confirmed(request)`) does it.
"""

from collections.abc import Iterable, Sequence

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONFIRMED = "confirmed"


def confirmed(request: HttpRequest) -> bool:
    return request.POST.get(CONFIRMED) == "1"


def confirmation(
    request: HttpRequest,
    *,
    title: str,
    lines: Sequence[str],
    confirm_label: str,
    cancel_url: str,
    keep: Iterable[str] = (),
    warnings: Sequence[str] = (),
) -> HttpResponse:
    """The confirmation page: `title`, the paragraphs `lines` (what will happen), `warnings`
    (shown first, marked), a button `confirm_label` that posts the fields named in `keep` as
    they were posted, and a link back to `cancel_url`."""
    fields = [(name, value) for name in keep for value in request.POST.getlist(name)]
    return render(
        request,
        "confirm.html",
        {
            "title": title,
            "lines": lines,
            "warnings": warnings,
            "action": request.path,
            "fields": fields,
            "confirm_label": confirm_label,
            "cancel_url": cancel_url,
            "confirmed_name": CONFIRMED,
        },
    )
