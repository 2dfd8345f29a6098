"""The frame of every Word document the product publishes (status report, county fact sheets,
action plans), with python-docx: document language sv-SE in the styles, a cover with title and
version, a table of contents field, a running header with the version on every page, page
numbers in the footer, and tables whose header row repeats on each page.

Every text goes through `cells.text`. A bottom-layer module: it imports no app of the project;
python-docx is imported when a document is written.
"""

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .cells import text

if TYPE_CHECKING:  # python-docx is imported only when a document is written
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table
    from docx.text.paragraph import Paragraph

LANGUAGE = "sv-SE"


def _element(tag: str, **attributes: str) -> "BaseOxmlElement":
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _set_language(document: "Document") -> None:
    """sv-SE as the language of the document defaults and of every paragraph style."""
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    targets = []
    if run_defaults is not None:
        props = run_defaults.find(qn("w:rPr"))
        if props is not None:
            targets.append(props)
    for style in document.styles:
        element = style.element
        targets.append(element.get_or_add_rPr())
    for props in targets:
        for old in props.findall(qn("w:lang")):
            props.remove(old)
        props.append(_element("w:lang", val=LANGUAGE, eastAsia=LANGUAGE, bidi=LANGUAGE))
    document.core_properties.language = LANGUAGE


def _field(paragraph: "Paragraph", instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, NUMPAGES, TOC) in `paragraph`; Word computes it when it opens the
    document or updates the fields."""
    run = paragraph.add_run()._r
    run.append(_element("w:fldChar", fldCharType="begin"))
    code = _element("w:instrText")
    code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    code.text = f" {instruction} "
    run.append(code)
    run.append(_element("w:fldChar", fldCharType="separate"))
    shown = _element("w:t")
    shown.text = placeholder
    run.append(shown)
    run.append(_element("w:fldChar", fldCharType="end"))


def new_document(
    title: str,
    subtitles: Iterable[str],
    version_label: str,
    contents_heading: str,
    contents_hint: str,
    page_label: str,
) -> "Document":
    """A document with the language, the cover (title, `subtitles`, `version_label`), the table
    of contents and the running header and footer set; the body follows on a new page.
    `page_label` is the footer text with "{page}" and "{pages}" for the fields ("Sida {page}
    av {pages}")."""
    from docx import Document as new
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = new()
    document.styles["Normal"].font.size = Pt(10)
    _set_language(document)
    document.core_properties.title = text(title)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))

    header = section.header.paragraphs[0]
    width = Cm(21 - 2 - 2)  # the text's width: A4 less the margins
    header.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    header.add_run(text(title))
    header.add_run("\t" + text(version_label)).bold = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _sep, rest = page_label.partition("{page}")
    middle, _sep, after = rest.partition("{pages}")
    footer.add_run(text(before))
    _field(footer, "PAGE", "1")
    footer.add_run(text(middle))
    _field(footer, "NUMPAGES", "1")
    footer.add_run(text(after))

    document.add_heading(text(title), level=0)
    for line in subtitles:
        document.add_paragraph(text(line))
    document.add_paragraph().add_run(text(version_label)).bold = True
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading(text(contents_heading), level=1)
    _field(document.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', text(contents_hint))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # Word fills in the table of contents and page numbers when it opens the document.
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        settings.append(_element("w:updateFields", val="true"))
    return document


def add_table(
    document: "Document", header: Sequence[str], rows: Iterable[Sequence[str]], numeric: set[int]
) -> "Table":
    """A table with `header` as its repeated header row; the columns in `numeric` are right
    aligned. Rows are not split across pages."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    body = list(rows)
    table: Table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    head = table.rows[0]
    props = head._tr.get_or_add_trPr()
    props.append(_element("w:tblHeader", val="true"))
    for n, label in enumerate(header):
        cell = head.cells[n]
        cell.text = text(label)
        paragraph = cell.paragraphs[0]
        paragraph.runs[0].bold = True
        if n in numeric:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row, values in zip(table.rows[1:], body, strict=True):
        row._tr.get_or_add_trPr().append(_element("w:cantSplit", val="true"))
        for n, value in enumerate(values):
            cell = row.cells[n]
            cell.text = text(value)
            if n in numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return table
