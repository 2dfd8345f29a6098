"""PDF documents from HTML and print CSS (WeasyPrint): A4, tagged PDF/UA-1 with the document
language of the HTML (`<html lang="sv-SE">`), a running header with the title and the version
label, and page numbers. The layout is `static/stimulans/print.css`; the texts of the page
margins (which CSS holds as strings) are written here from the caller's Swedish texts.

A bottom-layer module: it imports no app of the project; WeasyPrint is imported when a PDF is
written.
"""

from pathlib import Path

from .cells import text

PRINT_CSS = Path(__file__).resolve().parent.parent / "static" / "stimulans" / "print.css"


def css_string(value: str) -> str:
    """`value` as a CSS string literal."""
    cleaned = " ".join(text(value).splitlines())
    return '"' + cleaned.replace("\\", "\\\\").replace('"', '\\"') + '"'


def margin_css(title: str, version_label: str, page_label: str) -> str:
    """The page margins: `title` top left, `version_label` top right on every page, and the
    page number at the bottom, from `page_label` with "{page}" and "{pages}" ("Sida {page} av
    {pages}")."""
    before, _sep, rest = page_label.partition("{page}")
    middle, _sep, after = rest.partition("{pages}")
    number = " ".join(
        part
        for part in (
            css_string(before) if before else "",
            "counter(page)",
            css_string(middle) if middle else "",
            "counter(pages)",
            css_string(after) if after else "",
        )
        if part
    )
    return (
        "@page { "
        f"@top-left {{ content: {css_string(title)}; }} "
        f"@top-right {{ content: {css_string(version_label)}; }} "
        f"@bottom-center {{ content: {number}; }} "
        "}"
    )


def write_pdf(html: str, title: str, version_label: str, page_label: str) -> bytes:
    """The PDF of `html` (a whole document, `<html lang=…>`), laid out by print.css. Characters
    that XML cannot hold are removed from the whole document first (`cells.text`): a stray
    U+FFFE would otherwise break the text layer of every page."""
    # Imported here, not at the top: WeasyPrint is heavy and only the PDF downloads need it.
    from weasyprint import CSS, HTML

    stylesheets = [
        CSS(filename=str(PRINT_CSS)),
        CSS(string=margin_css(title, version_label, page_label)),
    ]
    document = HTML(string=text(html), base_url=str(PRINT_CSS.parent))
    pdf: bytes = document.write_pdf(stylesheets=stylesheets, pdf_variant="pdf/ua-1")
    return pdf
