"""The codebook page: made from the part's categories, edited, versioned once coding has
started (codes under the old version marked), exported as REFI-QDA that validates against the
standard's schema and as Excel, imported back."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import etree

from ..codebooks import codebook_for, update_entries
from ..codings import save_code
from ..exchange import export_qdc, export_xlsx, import_qdc, parse_qdc
from ..models import CodebookEntry, Dimension
from .helpers import CodingTestCase

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "data" / "Codebook.xsd")))


class CodebookTest(CodingTestCase):
    def test_access(self):
        self.assertAccess(
            self.base_url("kodbok/"),
            allowed=(self.anna, self.adam),
            refused=(self.alice, self.bob, self.cora, self.otto),
            ok=200,
        )

    def test_unknown_part_or_year(self):
        self.login(self.anna)
        self.assertEqual(self.client.get("/kodning/2020/finns-inte/kodbok/").status_code, 404)
        self.assertEqual(self.client.get("/kodning/1999/suicidprevention/kodbok/").status_code, 404)
        self.assertEqual(self.client.get(self.base_url("kodbok.pdf")).status_code, 404)

    def test_default_entries(self):
        book = codebook_for(self.part)
        slugs = set(
            book.entries.filter(dimension=Dimension.CATEGORY).values_list("code", flat=True)
        )
        self.assertEqual(slugs, set(self.cat))
        self.assertEqual(
            set(
                book.entries.filter(dimension=Dimension.EFFECT_LEVEL).values_list("code", flat=True)
            ),
            {"organisation", "target_group"},
        )

    def test_edit_before_coding_keeps_the_version(self):
        self.login(self.anna)
        response = self.client.post(
            self.base_url("kodbok/"),
            {
                "dimension": "category",
                "code": "kunskap-kompetens",
                "title": "Kunskap",
                "definition": "Utbildning av personal",
            },
        )
        self.assertEqual(response.status_code, 302)
        book = codebook_for(self.part)
        self.assertEqual(book.version, 1)
        entry = book.entries.get(dimension="category", code="kunskap-kompetens")
        self.assertEqual((entry.title, entry.definition), ("Kunskap", "Utbildning av personal"))
        self.assertFalse(book.changes.exists())

    def test_change_after_coding_started_is_a_new_version_and_marks_old_codes(self):
        code = save_code(
            self.initiatives[0], self.anna, {"category": self.cat["kunskap-kompetens"]}
        )
        self.assertEqual(code.codebook_version, 1)
        book = codebook_for(self.part)
        update_entries(
            book, {("category", "kunskap-kompetens"): {"definition": "Ny definition"}}, self.anna
        )
        book.refresh_from_db()
        self.assertEqual(book.version, 2)
        self.assertEqual(book.changes.get().version, 2)
        self.login(self.anna)
        response = self.client.get(self.base_url(f"insats/{self.initiatives[0].pk}/"))
        self.assertContains(response, "äldre version av kodboken")
        self.assertContains(self.client.get(self.base_url("kodbok/")), "Ny definition")

    def test_qdc_validates_against_the_standard_schema(self):
        book = codebook_for(self.part)
        update_entries(
            book,
            {
                ("category", "kunskap-kompetens"): {
                    "definition": "Def & <mer>",
                    "examples": "Utbildning i SIP",
                }
            },
        )
        document = etree.fromstring(export_qdc(book))
        SCHEMA.assertValid(document)
        self.login(self.anna)
        response = self.client.get(self.base_url("kodbok.qdc"))
        self.assertEqual(response.status_code, 200)
        SCHEMA.assertValid(etree.fromstring(response.content))

    def test_schema_refuses_a_broken_file(self):
        # The schema test can fail: a code without its required isCodable attribute.
        broken = export_qdc(codebook_for(self.part)).replace(b'isCodable="true"', b"", 1)
        self.assertFalse(SCHEMA.validate(etree.fromstring(broken)))

    def test_qdc_round_trip(self):
        book = codebook_for(self.part)
        update_entries(
            book,
            {
                ("category", "kunskap-kompetens"): {
                    "definition": "Def",
                    "inclusion": "In",
                    "exclusion": "Ut",
                    "examples": "Ex",
                }
            },
        )
        data = export_qdc(book)
        CodebookEntry.objects.filter(codebook=book).update(
            definition="", inclusion="", exclusion="", examples=""
        )
        import_qdc(book, data)
        entry = book.entries.get(dimension="category", code="kunskap-kompetens")
        self.assertEqual(
            (entry.definition, entry.inclusion, entry.exclusion, entry.examples),
            ("Def", "In", "Ut", "Ex"),
        )

    def test_import_from_another_tool_by_dimension_name(self):
        other = b"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder"><Codes>
<Code guid="11111111-1111-1111-1111-111111111111" name="Insatskategori" isCodable="false">
<Code guid="22222222-2222-2222-2222-222222222222" name="Ny kategori" isCodable="true">
<Description>Definition: Nytt</Description></Code>
</Code></Codes></CodeBook>"""
        self.assertEqual(
            parse_qdc(other),
            {("category", "Ny kategori"): {"title": "Ny kategori", "definition": "Nytt"}},
        )

    def test_bad_upload_is_refused_with_a_message(self):
        self.login(self.anna)
        upload = SimpleUploadedFile("kodbok.qdc", b"<inte xml")
        response = self.client.post(self.base_url("kodbok/import/"), {"file": upload}, follow=True)
        self.assertContains(response, "inte giltig XML")
        self.assertEqual(codebook_for(self.part).version, 1)

    def test_excel_round_trip(self):
        book = codebook_for(self.part)
        update_entries(
            book, {("link_quality", "insufficient"): {"definition": "Kedjan håller inte"}}
        )
        data = export_xlsx(book)
        book.entries.filter(code="insufficient").update(definition="")
        self.login(self.anna)
        response = self.client.post(
            self.base_url("kodbok/import/"), {"file": SimpleUploadedFile("kodbok.xlsx", data)}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(book.entries.get(code="insufficient").definition, "Kedjan håller inte")
        self.assertEqual(self.client.get(self.base_url("kodbok.xlsx")).status_code, 200)
