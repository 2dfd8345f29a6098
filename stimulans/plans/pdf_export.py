"""Export of a plan as PDF: the plan page's own contents (`_plan_column.html`) in the print
template, laid out by WeasyPrint as tagged PDF/UA (`lib.printpdf`). No HTTP here."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from stimulans.lib import printpdf

from .contents import document_title, plan_column, version_label


def build_pdf(plan):
    """The plan as PDF; returns bytes."""
    title, label = document_title(plan), version_label(plan)
    html = render_to_string(
        "plans/print/plan.html",
        {"plan": plan, "col": plan_column(plan), "title": title, "version_label": label},
    )
    return printpdf.write_pdf(html, title, label, _("Sida {page} av {pages}"))
