"""The English catalogue: complete, compiled from the committed .po, and used by the key pages.

The msgids are Swedish (the default language); English comes from the one catalogue
stimulans/locale/en/LC_MESSAGES/django.po and its compiled django.mo.
"""

import gettext
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from unittest import SkipTest, TestCase

from stimulans.test import FundsTestCase

PACKAGE = Path(__file__).resolve().parents[2]
LC_MESSAGES = PACKAGE / "locale" / "en" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"


def _unquote(s):
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)


def po_entries(path):
    """(flags, msgid, [msgstr, …]) for each active entry of a .po file; the header is skipped."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines or all(line.startswith("#") for line in lines):
            continue  # obsolete (#~) or comment-only
        flags = {
            flag.strip() for line in lines if line.startswith("#,") for flag in line[2:].split(",")
        }
        fields, current = {}, None
        for line in lines:
            if line.startswith("#"):
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
            if m:
                current = m.group(1)
                fields[current] = _unquote(m.group(2))
            elif current and line.startswith('"'):
                fields[current] += _unquote(line[1:-1])
        if not fields.get("msgid"):
            continue  # the header
        msgstrs = [v for k, v in fields.items() if k.startswith("msgstr")]
        entries.append((flags, fields["msgid"], msgstrs))
    return entries


class CatalogueTestCase(TestCase):
    def test_there_is_one_catalogue(self):
        catalogues = sorted(
            p.relative_to(PACKAGE).as_posix()
            for p in PACKAGE.rglob("locale/*/LC_MESSAGES/*.po")
            if ".venv" not in p.parts
        )
        self.assertEqual(catalogues, ["locale/en/LC_MESSAGES/django.po"])

    def test_every_entry_is_translated_and_none_is_fuzzy(self):
        entries = po_entries(PO)
        self.assertGreater(len(entries), 500)
        untranslated = [msgid for flags, msgid, msgstrs in entries if not all(msgstrs)]
        fuzzy = [msgid for flags, msgid, msgstrs in entries if "fuzzy" in flags]
        self.assertEqual(untranslated, [], "untranslated entries")
        self.assertEqual(fuzzy, [], "fuzzy entries")

    def test_no_translation_is_left_in_swedish(self):
        """A msgstr with å, ä or ö is almost certainly an untranslated copy of the msgid
        (the report import's column name “ålder” is quoted on purpose)."""
        swedish = [
            (msgid, msgstr)
            for _flags, msgid, msgstrs in po_entries(PO)
            for msgstr in msgstrs
            if re.search(r"[åäöÅÄÖ]", msgstr.replace("ålder", "").replace("kön", ""))
            and "SCB" not in msgstr
        ]
        self.assertEqual(swedish, [])

    def test_msgfmt_statistics_and_checks(self):
        msgfmt = shutil.which("msgfmt")
        if not msgfmt:
            raise SkipTest("msgfmt (gettext) is not installed")
        result = subprocess.run(
            [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(PO)],
            capture_output=True,
            text=True,
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stderr, r"^\d+ translated messages?\.\s*$")
        self.assertNotIn("fuzzy", result.stderr)
        self.assertNotIn("untranslated", result.stderr)

    def test_the_committed_mo_is_compiled_from_the_committed_po(self):
        msgfmt = shutil.which("msgfmt")
        if not msgfmt:
            raise SkipTest("msgfmt (gettext) is not installed")
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "django.mo"
            # as `django-admin compilemessages` does it
            subprocess.run(
                [msgfmt, "--check-format", "-o", str(fresh), str(PO)],
                check=True,
                capture_output=True,
            )
            with fresh.open("rb") as f:
                expected = gettext.GNUTranslations(f)._catalog
            with MO.open("rb") as f:
                committed = gettext.GNUTranslations(f)._catalog
            # The catalogues, not the bytes: another gettext version may lay the file out
            # differently with the same translations.
            self.assertEqual(committed, expected, "django.mo is out of date: run compilemessages")


class EnglishPagesTestCase(FundsTestCase):
    """The key pages in English after the language switch; known Swedish texts are gone."""

    def switch_to_english(self):
        r = self.client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        self.assertEqual(r.status_code, 302)

    def assertEnglish(self, url, english, swedish):
        r = self.client.get(url)
        self.assertEqual(r.status_code, 200, url)
        self.assertContains(r, '<html lang="en">')
        for text in english:
            self.assertContains(r, text, msg_prefix=url)
        for text in swedish:
            self.assertNotContains(r, text, msg_prefix=url)

    def test_home_anonymous(self):
        self.switch_to_english()
        self.assertEnglish(
            "/",
            ["Stimulus funds for mental health", "Log in", "Skip to content", "Status reports"],
            ["Stimulansmedel för psykisk hälsa", "Logga in", "Hoppa till innehållet"],
        )

    def test_home_reporter(self):
        self.login(self.alice)
        self.switch_to_english()
        self.assertEnglish(
            "/",
            ["My organisation", "My reports", "Joint county action plan", "Log out"],
            ["Min organisation", "Mina redovisningar", "Länsgemensam handlingsplan", "Logga ut"],
        )

    def test_agreement_list(self):
        self.login(self.adam)
        self.switch_to_english()
        self.assertEnglish(
            "/avtal/",
            ["Agreements", "Total amount (SEK)", "Of which pots (SEK)"],
            ["Överenskommelser", "Totalbelopp (kr)", "Varav potter (kr)"],
        )

    def test_my_reports(self):
        self.login(self.alice)
        self.switch_to_english()
        self.assertEnglish(
            "/redovisning/",
            ["My reports", "Allocated (SEK)", "Not started", "Start reporting:"],
            ["Mina redovisningar", "Tilldelat (kr)", "Inte påbörjad", "Börja redovisa"],
        )

    def test_plan_list(self):
        self.login(self.cora)
        self.switch_to_english()
        self.assertEnglish(
            "/handlingsplaner/",
            ["Action plans", "Type of plan", "New plan"],
            ["Handlingsplaner", "Typ av plan", "Ny plan"],
        )

    def test_analysis_index(self):
        self.login(self.anna)
        self.switch_to_english()
        self.assertEnglish(
            "/analys/",
            ["Analysis and status reports", "Agreement"],
            ["Analys och lägesrapporter", "Ej publicerad"],
        )

    def test_swedish_again_after_switching_back(self):
        self.switch_to_english()
        self.client.post("/i18n/setlang/", {"language": "sv", "next": "/"})
        r = self.client.get("/")
        self.assertContains(r, '<html lang="sv">')
        self.assertContains(r, "Stimulansmedel för psykisk hälsa")
