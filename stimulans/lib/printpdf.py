"""PDF documents from HTML and print CSS (WeasyPrint): A4, tagged PDF/UA-1 with the document
language of the HTML (`<html lang="sv-SE">`), a running header with the title and the version
label, and page numbers. The layout is `static/stimulans/print.css`; the texts of the page
margins (which CSS holds as strings) are written here from the caller's Swedish texts.

A bottom-layer module: it imports no app of the project; WeasyPrint is imported when a PDF is
written.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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


# While a document is laid out, the cyclic garbage collector's full collections are made
# rare: WeasyPrint keeps some hundred thousand objects (elements, styles, boxes) alive until
# the PDF is written, and every full collection traverses all of them again, a quarter of the
# rendering time of the national status report (docs/performance.md). The young generations
# are still collected as usual. Thresholds are process-wide, so concurrent renderings share one
# setting and the last one to finish restores the previous thresholds.
FULL_COLLECTION_THRESHOLD = 1000  # Python's default is 10
_collector_lock = threading.Lock()
_renderings = 0
_saved_thresholds: tuple[int, ...] = ()


@contextmanager
def rare_full_collections() -> Iterator[None]:
    """Full garbage collections only every `FULL_COLLECTION_THRESHOLD` collections of the
    middle generation while the block runs."""
    global _renderings, _saved_thresholds
    with _collector_lock:
        if _renderings == 0:
            _saved_thresholds = gc.get_threshold()
            young, middle = _saved_thresholds[0], _saved_thresholds[1]
            gc.set_threshold(young, middle, FULL_COLLECTION_THRESHOLD)
        _renderings += 1
    try:
        yield
    finally:
        with _collector_lock:
            _renderings -= 1
            if _renderings == 0:
                gc.set_threshold(*_saved_thresholds)


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
    with rare_full_collections():
        document = HTML(string=text(html), base_url=str(PRINT_CSS.parent))
        pdf: bytes = document.write_pdf(stylesheets=stylesheets, pdf_variant="pdf/ua-1")
    return pdf
