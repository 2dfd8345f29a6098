"""The note on an initiative's coding: written and edited from the coding page (htmx or a plain
post), an edit based on an older note refused with both versions shown, history, hidden and
refused while the coding is blind."""

from stimulans.analysis.tests.helpers import make_initiative, make_report, region

from ..codings import save_code
from ..models import CodingNote
from ..notes import StaleNote, save_note
from ..sampling import draw_sample
from .helpers import CodingTestCase

HTMX = {"HTTP_HX_REQUEST": "true"}


class NoteTest(CodingTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.initiative = cls.initiatives[0]

    def url(self, initiative=None, suffix="anteckning/"):
        return self.base_url(f"insats/{(initiative or self.initiative).pk}/{suffix}")

    def test_access(self):
        self.assertAccess(
            self.url(),
            allowed=(self.anna, self.adam, self.berit),
            refused=(self.alice, self.bob, self.regina, self.cora, self.otto),
            method="post",
            data={"body": "Oklart", "version": "0"},
            ok=(200, 302, 409),
        )
        self.assertEqual(CodingNote.objects.get(initiative=self.initiative).body, "Oklart")

    def test_it_checks_ownership(self):
        # An initiative of another part (the youth part's) is not found under this part.
        other = make_initiative(make_report(region("01"), self.youth_region_pot))
        self.login(self.anna)
        response = self.client.post(self.url(other), {"body": "x", "version": "0"})
        self.assertEqual(response.status_code, 404)
        self.assertFalse(CodingNote.objects.exists())

    def test_it_handles_bad_ids(self):
        self.login(self.anna)
        response = self.client.post(
            self.base_url("insats/999999/anteckning/"), {"body": "x", "version": "0"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.client.get(self.url()).status_code, 405)
        bad = self.client.post(self.url(), {"body": "x", "version": "gammal"})
        self.assertEqual(bad.status_code, 400)
        self.assertContains(bad, "Sidan är för gammal", status_code=400)
        self.assertFalse(CodingNote.objects.exists())

    def test_writing_and_editing_from_the_coding_page(self):
        self.login(self.anna)
        page = self.client.get(self.url(suffix="") + "?ko=okodade")
        self.assertContains(page, 'id="anteckningsformular"')
        self.assertContains(page, 'hx-post="' + self.url() + '?ko=okodade"')
        # Without JavaScript: back to the coding page, filters kept.
        response = self.client.post(
            self.url() + "?ko=okodade", {"body": "Blandar utbildning och nätverk.", "version": "0"}
        )
        self.assertRedirects(
            response, self.url(suffix="") + "?ko=okodade", fetch_redirect_response=False
        )
        # With htmx: the note section only, saved, the next version in the form.
        response = self.client.post(
            self.url(), {"body": "Fråga länet om\r\nmålgruppen.", "version": "1"}, **HTMX
        )
        self.assertContains(response, "Anteckningen är sparad.")
        self.assertNotContains(response, "<html")
        self.assertContains(response, '<input type="hidden" name="version" value="2"')
        note = CodingNote.objects.get(initiative=self.initiative)
        self.assertEqual(
            (note.body, note.version, note.updated_by),
            ("Fråga länet om\nmålgruppen.", 2, self.anna),
        )
        # The history keeps both versions, with who wrote them.
        self.assertEqual(
            [h.body for h in note.history.order_by("history_date")],
            ["Blandar utbildning och nätverk.", "Fråga länet om\nmålgruppen."],
        )
        page = self.client.get(self.url(suffix=""))
        self.assertContains(page, "Historik (2 versioner)")
        self.assertContains(page, "Blandar utbildning och nätverk.")

    def test_a_stale_edit_is_refused_with_both_versions(self):
        save_note(self.initiative, "Annas anteckning.", 0, self.anna)
        self.login(self.adam)
        # Adam's page was loaded before Anna saved (version 0).
        response = self.client.post(
            self.url(), {"body": "Adams anteckning från en gammal sida.", "version": "0"}, **HTMX
        )
        self.assertEqual(response.status_code, 409)
        self.assertContains(response, "Anteckningen har sparats av anna", status_code=409)
        self.assertContains(response, "<p>Annas anteckning.</p>", html=True, status_code=409)
        self.assertContains(
            response, "<p>Adams anteckning från en gammal sida.</p>", html=True, status_code=409
        )
        self.assertContains(
            response, '<input type="hidden" name="version" value="1"', status_code=409
        )
        self.assertEqual(CodingNote.objects.get().body, "Annas anteckning.")
        # Without JavaScript the same refusal on a page of its own.
        plain = self.client.post(self.url(), {"body": "Adams igen.", "version": "0"})
        self.assertContains(plain, "Den sparade anteckningen", status_code=409)
        self.assertContains(plain, "<html", status_code=409)
        # Saving the conflict's form replaces the note on purpose; both are in the history.
        self.client.post(self.url(), {"body": "Adams anteckning.", "version": "1"}, **HTMX)
        note = CodingNote.objects.get()
        self.assertEqual((note.body, note.version), ("Adams anteckning.", 2))
        self.assertEqual(note.history.count(), 2)

    def test_save_note_refuses_a_stale_version(self):
        save_note(self.initiative, "Första.", 0, self.anna)
        with self.assertRaises(StaleNote) as raised:
            save_note(self.initiative, "Andra.", 0, self.adam)
        self.assertEqual(raised.exception.current.body, "Första.")
        self.assertEqual(CodingNote.objects.get().version, 1)

    def test_hidden_and_refused_while_blind(self):
        save_note(self.initiative, "Annas skäl för kategorin.", 0, self.anna)
        draw_sample(self.part, 3, self.berit, self.adam, number=6)
        save_code(self.initiative, self.anna, {"category": self.cat["kunskap-kompetens"]})
        self.login(self.berit)
        page = self.client.get(self.url(suffix=""))
        self.assertContains(page, "Anteckningen visas när båda kodarna har kodat.")
        self.assertNotContains(page, "Annas skäl")
        response = self.client.post(self.url(), {"body": "x", "version": "1"})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(CodingNote.objects.get().body, "Annas skäl för kategorin.")
        # Both coded: the note is shown.
        save_code(self.initiative, self.berit, {"category": self.cat["kunskap-kompetens"]})
        self.assertContains(self.client.get(self.url(suffix="")), "Annas skäl för kategorin.")
