"""Checks every upload passes before its content is read: name, type, size and, for zip-based
formats (xlsx, docx, odt, ods), that it is not a zip bomb. Messages name the file."""

import zipfile
from collections.abc import Sequence
from typing import IO, NoReturn

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

ZIP_FORMATS = (".xlsx", ".docx", ".odt", ".ods")
TEXT_FORMATS = (".csv", ".txt", ".json", ".yaml", ".yml")
OLE_FORMATS = (".xls", ".doc")  # old Office files: compound documents
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_ZIP_MEMBERS = 2000


def _refuse(message: str, name: str) -> NoReturn:
    raise forms.ValidationError(message % {"name": name})


def _head(upload: IO[bytes], n: int = 8192) -> bytes:
    upload.seek(0)
    head = upload.read(n)
    upload.seek(0)
    return head


def check_zip(upload: IO[bytes], name: str) -> None:
    """Refuse a zip-based file (xlsx, docx, …) that is not a zip, has too many members, unsafe
    paths, or unpacks to too much data. `upload` is any seekable binary file (an upload, a
    BytesIO of a file the CLI read); raises forms.ValidationError naming `name`."""
    if _head(upload, 4) != b"PK\x03\x04":
        _refuse(_("Filen ”%(name)s” är inte en giltig Office-fil."), name)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                _refuse(_("Filen ”%(name)s” innehåller för många delar."), name)
            total = 0
            for member in members:
                if member.filename.startswith("/") or ".." in member.filename.split("/"):
                    _refuse(_("Filen ”%(name)s” innehåller otillåtna sökvägar."), name)
                total += member.file_size
                ratio = member.file_size / max(member.compress_size, 1)
                if total > MAX_UNCOMPRESSED_BYTES or ratio > MAX_COMPRESSION_RATIO:
                    _refuse(
                        _("Filen ”%(name)s” packas upp till orimligt mycket data och avvisas."),
                        name,
                    )
    except zipfile.BadZipFile:
        _refuse(_("Filen ”%(name)s” är inte en giltig Office-fil."), name)
    finally:
        upload.seek(0)


# Quoted: UploadedFile is generic in django-stubs only, not at run time.
def check_upload(upload: "UploadedFile[bytes]", extensions: Sequence[str]) -> "UploadedFile[bytes]":
    """Refuse uploads with a bad name, of the wrong type or size, or whose content does not match
    the type. Returns the upload, rewound."""
    name = upload.name or ""
    if "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
        _refuse(_("Filnamnet ”%(name)s” är inte tillåtet."), name)
    lower = name.lower()
    if not lower.endswith(tuple(extensions)):
        raise forms.ValidationError(
            _("Filen ”%(name)s” har fel typ; tillåtna är %(ext)s.")
            % {"name": name, "ext": ", ".join(extensions)}
        )
    size = upload.size or 0  # None only for an UploadedFile made without a size
    if size > settings.MAX_UPLOAD_BYTES:
        raise forms.ValidationError(
            _("Filen ”%(name)s” är för stor (högst %(mb)d MB).")
            % {"name": name, "mb": settings.MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    if size == 0:
        _refuse(_("Filen ”%(name)s” är tom."), name)
    if lower.endswith(ZIP_FORMATS):
        check_zip(upload, name)
    elif lower.endswith(TEXT_FORMATS):
        if b"\x00" in _head(upload):
            _refuse(_("Filen ”%(name)s” är inte en textfil."), name)
    elif lower.endswith(".pdf"):
        if _head(upload, 5) != b"%PDF-":
            _refuse(_("Filen ”%(name)s” är inte en PDF-fil."), name)
    elif lower.endswith(OLE_FORMATS):
        if _head(upload, 8) != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            _refuse(_("Filen ”%(name)s” är inte en giltig Office-fil."), name)
    upload.seek(0)
    return upload
