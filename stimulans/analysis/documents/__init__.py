"""The status report (lägesrapport) and county fact sheets as Word, PDF and Excel.

Each renderer (`word`, `pdf`, `excel`) has `render(data)` returning the file's bytes, where
`data` is `year_analysis.analyse_year`'s plain JSON data (live, or a published version's
snapshot) with the version keys `snapshot.document_data` adds (`version`, `draft`, `date`).
The PDF is the print template laid out by WeasyPrint (`pdf`); Word and Excel are written from
`blocks.blocks()`, a neutral list of headings, paragraphs, tables and PNG images. The version
label ("Utkast 2026-12-01", "Version 2, publicerad 2026-12-01", `blocks.version_label`) is on
every page. `snapshot.render_document` is the one way to a document."""


def document_name(year, county, fmt):
    """lagesrapport-2020.pdf, lagesrapport-2020-lan-01.docx."""
    return f"lagesrapport-{year}" + (f"-lan-{county}" if county else "") + f".{fmt}"
