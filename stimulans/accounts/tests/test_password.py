import re
import time

from django.conf import settings
from django.test import Client, override_settings

from stimulans.accounts import middleware
from stimulans.mail.models import MailStatus, OutgoingMail
from stimulans.test import PASSWORD, BaseTestCase
from stimulans.testing_smtp import smtp_server, smtp_settings

NEW = "ett-helt-nytt-lösen-77"


class PasswordResetTestCase(BaseTestCase):
    def test_access(self):
        for url in ("/konto/losenord/aterstall/", "/konto/losenord/aterstall/skickad/"):
            self.assertAccess(url, allowed=(None, self.alice, self.adam), ok=200)

    def test_reset_through_a_real_smtp_server(self):
        self.alice.email = "alice@sthlm.se"
        self.alice.save()
        with smtp_server() as server, override_settings(**smtp_settings(server)):
            with self.captureOnCommitCallbacks(execute=True):
                r = self.client.post("/konto/losenord/aterstall/", {"email": "alice@sthlm.se"})
            self.assertRedirects(r, "/konto/losenord/aterstall/skickad/")
            self.assertEqual(OutgoingMail.objects.get().status, MailStatus.SENT)
            (received,) = server.messages
        self.assertEqual(received.recipients, ["alice@sthlm.se"])
        self.assertEqual(received.subject, "Nytt lösenord till Stimulans")
        path = re.search(r"http://testserver(/konto/losenord/nytt/\S+/)", received.body).group(1)
        r = self.client.get(path)  # Django moves the token into the session
        self.assertEqual(r.status_code, 302)
        r = self.client.post(r["Location"], {"new_password1": NEW, "new_password2": NEW})
        self.assertRedirects(r, "/konto/losenord/nytt/klart/")
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password(NEW))
        self.assertContains(self.client.get(path, follow=True), "Länken gäller inte längre")

    def test_an_unknown_address_gets_the_same_answer_and_no_mail(self):
        r = self.client.post("/konto/losenord/aterstall/", {"email": "ingen@x.se"})
        self.assertRedirects(r, "/konto/losenord/aterstall/skickad/")
        self.assertFalse(OutgoingMail.objects.exists())


class PasswordChangeTestCase(BaseTestCase):
    url = "/konto/losenord/byt/"

    def test_access(self):
        self.assertOpenToEveryLoggedInRole(self.url)

    def test_changing_ends_the_other_sessions(self):
        other = Client()
        other.post("/konto/logga-in/", {"username": "alice", "password": PASSWORD})
        self.client.post("/konto/logga-in/", {"username": "alice", "password": PASSWORD})
        page = "/organisationer/municipality/0180/"
        self.assertEqual(other.get(page).status_code, 200)
        r = self.client.post(
            self.url, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
        )
        self.assertRedirects(r, "/konto/losenord/byt/klart/")
        self.assertEqual(self.client.get(page).status_code, 200)  # this one stays
        r = other.get(page)
        self.assertEqual(r.status_code, 302)
        self.assertIn("/konto/logga-in/", r["Location"])


class IdleSessionTestCase(BaseTestCase):
    def test_a_session_expires_after_inactivity_and_activity_moves_it_on(self):
        self.assertEqual(settings.SESSION_COOKIE_AGE, 7200)
        self.assertIn("stimulans.accounts.middleware.IdleSessionMiddleware", settings.MIDDLEWARE)
        page = "/organisationer/municipality/0180/"
        self.client.post("/konto/logga-in/", {"username": "alice", "password": PASSWORD})
        first = self.client.session.get_expiry_date()
        session = self.client.session
        old = int(time.time()) - settings.SESSION_REFRESH_SECONDS
        session[middleware.KEY] = old
        session.save()
        self.client.get(page)  # a request after REFRESH seconds moves the expiry on
        self.assertGreater(self.client.session[middleware.KEY], old)
        self.assertGreaterEqual(self.client.session.get_expiry_date(), first)
        session = self.client.session
        touched = session[middleware.KEY] = int(time.time()) - 2
        session.save()
        self.client.get(page)  # one soon after writes nothing
        self.assertEqual(self.client.session[middleware.KEY], touched)
        session = self.client.session
        session.set_expiry(-1)  # as if the idle time had passed
        session.save()
        r = self.client.get(page)
        self.assertEqual(r.status_code, 302)
        self.assertIn("/konto/logga-in/", r["Location"])
