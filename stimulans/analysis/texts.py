"""The analysts' texts of the status report: the introduction and method of the year and, per
part, the summary of observations. Saving checks the version the editor started from, so that an
edit based on an older text is refused instead of overwriting a colleague's. No HTTP here."""

from django.db import transaction

from .models import ReportText, ReportTextKind, StatusReport

YEAR_KINDS = (ReportTextKind.INTRODUCTION, ReportTextKind.METHOD)


class StaleText(Exception):
    """The text was saved by someone else after the editor opened it."""

    def __init__(self, current):
        super().__init__(current.body)
        self.current = current


def report_texts(agreement):
    """{"introduction": text, "method": text, "summary": the year's summary, "parts": {part
    slug: text}} ("" where none)."""
    texts = {kind.value: "" for kind in YEAR_KINDS}
    summary = StatusReport.objects.filter(agreement=agreement).values_list("summary", flat=True)
    texts["summary"] = summary.first() or ""
    parts = {slug: "" for slug in agreement.parts.values_list("slug", flat=True)}
    for kind, slug, body in ReportText.objects.filter(agreement=agreement).values_list(
        "kind", "part__slug", "body"
    ):
        if kind == ReportTextKind.PART_SUMMARY:
            parts[slug] = body
        else:
            texts[kind] = body
    return {**texts, "parts": parts}


def get_text(agreement, kind, part=None):
    """The saved text, or a new unsaved one (version 0)."""
    text = ReportText.objects.filter(agreement=agreement, kind=kind, part=part).first()
    return text or ReportText(agreement=agreement, kind=kind, part=part)


@transaction.atomic
def save_text(agreement, kind, part, body, version, user):
    """Save the text if it is still at `version` (the one the editor started from); else raise
    StaleText with the current text. Returns the saved text."""
    text = (
        ReportText.objects.select_for_update().filter(agreement=agreement, kind=kind, part=part)
    ).first() or ReportText(agreement=agreement, kind=kind, part=part)
    if text.version != version:
        raise StaleText(text)
    text.body = body.replace("\r\n", "\n").strip()
    text.version += 1
    text.updated_by = user
    text._history_user = user
    text.save()
    return text


def paragraphs(body):
    """The paragraphs of a text: blocks separated by empty lines, each on one line."""
    blocks = [" ".join(line.strip() for line in block.split("\n")) for block in body.split("\n\n")]
    return [b.strip() for b in blocks if b.strip()]
