"""The codebook exchanged with other tools: REFI-QDA codebook (`.qdc`, QDA-XML codebook 1.0,
read by NVivo, ATLAS.ti, MAXQDA and QualCoder) and Excel.

In the `.qdc` file each dimension is a code that is not codable, its codes the codable codes
under it; a code's description holds the definition and the notes, one labelled paragraph
each, and the code's identifier on its last line ("Kod: …"), so an imported file finds its
entries again. GUIDs are derived from the part, dimension and code (uuid5), so exporting the
same codebook twice gives the same file."""

import io
import uuid

from django.utils.translation import gettext as _
from lxml import etree

from stimulans.lib.cells import append_row
from stimulans.reporting.imports import ImportFileError, read_table

from .codebooks import ENTRY_FIELDS, update_entries
from .models import CODEBOOK_DIMENSIONS, Dimension

NS = "urn:QDA-XML:codebook:1.0"
NAMESPACE = uuid.UUID("8f0c5e52-6c9e-4b4f-9d55-6f1d0c6a3e21")
# The labelled paragraphs of a description (fixed Swedish words: the file is read back).
LABELS = [
    ("definition", "Definition"),
    ("inclusion", "Ingår"),
    ("exclusion", "Ingår inte"),
    ("examples", "Exempel"),
]
CODE_LABEL = "Kod"
XLSX_COLUMNS = ["dimension", "code", *ENTRY_FIELDS]


def _guid(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def _description(entry):
    paragraphs = [
        f"{label}: {getattr(entry, field)}" for field, label in LABELS if getattr(entry, field)
    ]
    paragraphs.append(f"{CODE_LABEL}: {entry.code}")
    return "\n\n".join(paragraphs)


def export_qdc(codebook):
    """The codebook as REFI-QDA codebook XML (bytes)."""
    part = codebook.part
    root = etree.Element(f"{{{NS}}}CodeBook", nsmap={None: NS}, origin="Stimulans")
    codes = etree.SubElement(root, f"{{{NS}}}Codes")
    entries = list(codebook.entries.all())
    for dimension in CODEBOOK_DIMENSIONS:
        parent = etree.SubElement(
            codes,
            f"{{{NS}}}Code",
            guid=_guid(part.agreement.year, part.slug, dimension),
            name=str(Dimension(dimension).label),
            isCodable="false",
        )
        etree.SubElement(parent, f"{{{NS}}}Description").text = f"{CODE_LABEL}: {dimension}"
        for entry in (e for e in entries if e.dimension == dimension):
            child = etree.SubElement(
                parent,
                f"{{{NS}}}Code",
                guid=_guid(part.agreement.year, part.slug, dimension, entry.code),
                name=entry.title,
                isCodable="true",
            )
            etree.SubElement(child, f"{{{NS}}}Description").text = _description(entry)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _parse_description(text):
    fields, code = {}, None
    labels = {label: field for field, label in LABELS}
    for paragraph in (text or "").split("\n\n"):
        label, sep, value = paragraph.partition(": ")
        if sep and label == CODE_LABEL:
            code = value.strip()
        elif sep and label in labels:
            fields[labels[label]] = value.strip()
    return fields, code


def _dimension_of(element):
    names = {str(Dimension(d).label).lower(): d for d in CODEBOOK_DIMENSIONS}
    _fields, code = _parse_description(element.findtext(f"{{{NS}}}Description"))
    if code in CODEBOOK_DIMENSIONS:
        return code
    return names.get((element.get("name") or "").strip().lower())


def parse_qdc(data):
    """{(dimension, code): fields} of a `.qdc` file; ImportFileError naming what is wrong."""
    try:
        root = etree.fromstring(
            data, parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError as exc:
        raise ImportFileError([_("Filen är inte giltig XML: %(err)s") % {"err": exc}]) from exc
    if root.tag != f"{{{NS}}}CodeBook":
        raise ImportFileError([_("Filen är ingen REFI-QDA-kodbok (rotelementet CodeBook saknas).")])
    changes, errors = {}, []
    for parent in root.iterfind(f"{{{NS}}}Codes/{{{NS}}}Code"):
        dimension = _dimension_of(parent)
        if dimension is None:
            errors.append(
                _("Koden ”%(name)s” är ingen dimension i kodboken (%(names)s).")
                % {
                    "name": parent.get("name"),
                    "names": ", ".join(str(Dimension(d).label) for d in CODEBOOK_DIMENSIONS),
                }
            )
            continue
        for child in parent.iterfind(f"{{{NS}}}Code"):
            fields, code = _parse_description(child.findtext(f"{{{NS}}}Description"))
            name = (child.get("name") or "").strip()
            code = code or name
            if not code:
                errors.append(
                    _("En kod under ”%(name)s” saknar namn.") % {"name": parent.get("name")}
                )
                continue
            changes[(dimension, code)] = {"title": name or code, **fields}
    if errors:
        raise ImportFileError(errors)
    return changes


def import_qdc(codebook, data, user=None):
    return update_entries(codebook, parse_qdc(data), user)


def export_xlsx(codebook):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Kodbok")
    append_row(sheet, XLSX_COLUMNS)  # text stored as text, never a formula
    for entry in codebook.entries.all():
        values = [entry.dimension, entry.code, *(getattr(entry, f) for f in ENTRY_FIELDS)]
        append_row(sheet, values)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def parse_xlsx(data):
    rows = read_table(data, "kodbok.xlsx")
    if not rows:
        raise ImportFileError([_("Filen är tom.")])
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in XLSX_COLUMNS[:3] if c not in header]
    if missing:
        raise ImportFileError(
            [
                _("Rad 1: kolumnerna %(missing)s saknas; rubriken ska vara ”%(header)s”.")
                % {"missing": ", ".join(missing), "header": ",".join(XLSX_COLUMNS)}
            ]
        )
    index = {c: header.index(c) for c in XLSX_COLUMNS if c in header}
    changes, errors = {}, []
    for line, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        cells = {c: (row[i] if i < len(row) else "") for c, i in index.items()}
        if cells["dimension"] not in CODEBOOK_DIMENSIONS:
            errors.append(
                _("Rad %(line)d: okänd dimension ”%(value)s” (%(values)s).")
                % {
                    "line": line,
                    "value": cells["dimension"],
                    "values": ", ".join(CODEBOOK_DIMENSIONS),
                }
            )
            continue
        if not cells["code"]:
            errors.append(_("Rad %(line)d: koden saknas.") % {"line": line})
            continue
        changes[(cells["dimension"], cells["code"])] = {
            f: cells[f] for f in ENTRY_FIELDS if f in cells
        }
    if errors:
        raise ImportFileError(errors)
    return changes


def import_xlsx(codebook, data, user=None):
    return update_entries(codebook, parse_xlsx(data), user)
