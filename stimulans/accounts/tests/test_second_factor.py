from django.test import override_settings
from django_otp import device_classes, user_has_device
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

import stimulans.settings as product_settings
from stimulans.accounts import second_factor
from stimulans.accounts.models import AuditEvent, AuditKind
from stimulans.test import PASSWORD, BaseTestCase

ENROL = "/konto/tvafaktor/"
VERIFY = "/konto/tvafaktor/verifiera/"
REQUIRED = override_settings(SECOND_FACTOR_REQUIRED_ROLES=["national_admin", "analyst"])


def code(device, drift=0):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):0{device.digits}d}"


@REQUIRED
class SecondFactorTestCase(BaseTestCase):
    def sign_in(self, user):
        r = self.client.post("/konto/logga-in/", {"username": user.username, "password": PASSWORD})
        self.assertEqual(r.status_code, 302)

    def test_the_product_requires_it_for_administrators_and_analysts(self):
        self.assertEqual(
            product_settings.SECOND_FACTOR_REQUIRED_ROLES, ["national_admin", "analyst"]
        )

    def test_has_device_is_django_otps_answer_for_the_kinds_installed(self):
        # has_device asks for TOTP devices only: a second kind installed must be added there.
        self.assertEqual(list(device_classes()), [TOTPDevice])
        self.assertFalse(second_factor.has_device(self.anna))
        TOTPDevice.objects.create(user=self.anna, name="TOTP", confirmed=False)
        self.assertFalse(second_factor.has_device(self.anna))
        self.assertEqual(second_factor.has_device(self.anna), user_has_device(self.anna))
        TOTPDevice.objects.create(user=self.anna, name="TOTP 2", confirmed=True)
        self.assertTrue(second_factor.has_device(self.anna))
        self.assertEqual(second_factor.has_device(self.anna), user_has_device(self.anna))
        with self.assertNumQueries(1):
            second_factor.has_device(self.cora)

    def test_access(self):
        self.assertAccess(ENROL, allowed=(self.alice, self.cora, self.anna, self.adam), ok=200)
        self.assertAccess(VERIFY, allowed=(self.alice, self.adam), ok=(200, 302))

    def test_an_administrator_must_enrol_before_anything_else(self):
        self.sign_in(self.adam)
        r = self.client.get("/konto/logg/")
        self.assertRedirects(r, ENROL)
        r = self.client.get(ENROL)
        self.assertContains(r, "data:image/svg+xml")
        device = TOTPDevice.objects.get(user=self.adam, confirmed=False)
        self.assertContains(r, r.context["secret"])
        r = self.client.post(ENROL, {"code": "000000" if code(device) != "000000" else "111111"})
        self.assertContains(r, "Koden stämmer inte")
        device.refresh_from_db()
        device.throttle_reset()  # django-otp waits a second after a failure
        r = self.client.post(ENROL, {"code": code(device)})
        self.assertRedirects(r, "/")
        self.assertEqual(self.client.get("/konto/logg/").status_code, 200)
        self.assertTrue(
            AuditEvent.objects.filter(kind=AuditKind.SECOND_FACTOR_ADDED, user=self.adam).exists()
        )

    def test_sign_in_asks_for_the_code_of_an_enrolled_user(self):
        device = TOTPDevice.objects.create(user=self.anna, name="TOTP", confirmed=True)
        self.sign_in(self.anna)
        page = "/analys/"
        r = self.client.get(page)
        self.assertRedirects(r, f"{VERIFY}?next={page}", fetch_redirect_response=False)
        r = self.client.post(VERIFY, {"code": "12x", "next": page})
        self.assertContains(r, "Koden stämmer inte")
        self.assertEqual(self.client.get(page).status_code, 302)
        r = self.client.post(VERIFY, {"code": code(device), "next": page})
        self.assertRedirects(r, page, fetch_redirect_response=False)
        self.assertNotEqual(self.client.get(page).status_code, 302)

    def test_it_is_optional_for_reporters_but_asked_once_enrolled(self):
        self.sign_in(self.alice)
        page = "/organisationer/municipality/0180/"
        self.assertEqual(self.client.get(page).status_code, 200)
        self.client.get(ENROL)
        device = TOTPDevice.objects.get(user=self.alice)
        self.client.post(ENROL, {"code": code(device)})
        self.client.post("/konto/logga-ut/")
        self.sign_in(self.alice)
        self.assertEqual(self.client.get(page).status_code, 302)
        self.client.post(VERIFY, {"code": code(device)})  # a used code is refused
        self.assertEqual(self.client.get(page).status_code, 302)
        device.refresh_from_db()
        device.throttle_reset()
        self.client.post(VERIFY, {"code": code(device, drift=1)})  # the next step's code
        self.assertEqual(self.client.get(page).status_code, 200)

    def test_next_must_be_on_this_site(self):
        device = TOTPDevice.objects.create(user=self.alice, name="TOTP", confirmed=True)
        self.sign_in(self.alice)
        r = self.client.post(VERIFY, {"code": code(device), "next": "https://evil.example/"})
        self.assertRedirects(r, "/")
