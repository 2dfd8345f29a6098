"""The status report (lägesrapport) and county fact sheets as Word, PDF and Excel.

`plain.plain()` turns the result of `year_analysis.analyse_year` into plain data (the same
shape a published snapshot holds). The PDF is the print template laid out by WeasyPrint
(`pdf`); Word and Excel are written from `blocks.blocks()`, a neutral list of headings,
paragraphs, tables and PNG images (`word`, `excel`). Each renderer's
`render(data, version_label)` returns the file's bytes; the label ("Utkast 2026-12-01",
"Version 2, publicerad 2026-12-01") is on every page."""

FORMATS = ("docx", "pdf", "xlsx")


def render_document(data, fmt, version_label):
    """The document in `fmt` (one of FORMATS) as bytes."""
    from . import excel, pdf, word

    renderer = {"docx": word, "pdf": pdf, "xlsx": excel}[fmt]
    return renderer.render(data, version_label)


def status_report(agreement, fmt, county=None, visible=None):
    """The year's status report (or `county`'s fact sheet) in `fmt` as it stands, labelled
    as draft or published (`plain.version_label`); `visible` as in `analyse_year`. Excel
    lists every effect, Word and PDF ten per category."""
    from ..year_analysis import analyse_year
    from .plain import version_label

    data = analyse_year(
        agreement,
        county=county,
        effects_limit=None if fmt == "xlsx" else 10,
        visible=visible,
    )
    return render_document(data, fmt, version_label(agreement))


def document_name(year, county, fmt):
    """lagesrapport-2020.pdf, lagesrapport-2020-lan-01.docx."""
    return f"lagesrapport-{year}" + (f"-lan-{county}" if county else "") + f".{fmt}"
