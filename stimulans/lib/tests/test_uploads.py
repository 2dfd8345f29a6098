import io
import zipfile

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from stimulans.lib.uploads import check_upload


def xlsx_bytes():
    buf = io.BytesIO()
    wb = Workbook()
    wb.active.append(["a", "b"])
    wb.save(buf)
    return buf.getvalue()


def zip_bomb():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"0" * (50 * 1024 * 1024))
    return buf.getvalue()


def test_a_real_xlsx_passes():
    upload = SimpleUploadedFile("form.xlsx", xlsx_bytes())
    assert check_upload(upload, [".xlsx"]) is upload
    assert upload.read(2) == b"PK"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bomb.xlsx", zip_bomb(), "orimligt mycket"),
        ("fake.xlsx", b"not a zip at all", "inte en giltig"),
        ("data.csv", b"a,b\n\x00\x01\x02", "inte en textfil"),
        ("report.pdf", b"<html>", "inte en PDF"),
        ("empty.csv", b"", "är tom"),
        ("script.exe", b"MZ", "fel typ"),
        (".hidden.csv", b"a", "inte tillåtet"),
    ],
)
def test_bad_uploads_are_refused_with_the_file_named(name, content, message):
    with pytest.raises(forms.ValidationError) as exc:
        check_upload(SimpleUploadedFile(name, content), [".xlsx", ".csv", ".pdf"])
    text = " ".join(exc.value.messages)
    assert message in text
    assert name in text


def test_zip_with_path_traversal_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("../../etc/cron.d/x", b"x")
    with pytest.raises(forms.ValidationError, match="sökvägar"):
        check_upload(SimpleUploadedFile("evil.xlsx", buf.getvalue()), [".xlsx"])


def test_oversized_uploads_are_refused(settings):
    settings.MAX_UPLOAD_BYTES = 100
    with pytest.raises(forms.ValidationError, match="för stor"):
        check_upload(SimpleUploadedFile("big.csv", b"x" * 101), [".csv"])


def test_an_upload_of_unknown_size_is_refused_not_a_crash():
    # UploadedFile.size may be None (a file made without a size): refused as empty, naming the
    # file, where comparing None with the limit used to raise TypeError.
    from django.core.files.uploadedfile import UploadedFile

    upload = UploadedFile(io.BytesIO(b"a,b\r\n"), name="rader.csv", size=None)
    with pytest.raises(forms.ValidationError, match="rader.csv"):
        check_upload(upload, [".csv"])
