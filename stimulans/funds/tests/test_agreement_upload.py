from django.core.files.uploadedfile import SimpleUploadedFile

from stimulans.funds.models import Agreement, Pot
from stimulans.funds.services import AGREEMENT_2020
from stimulans.test import BaseTestCase


class AgreementUploadTestCase(BaseTestCase):
    url = "/avtal/importera/"

    def upload(self, content, name="avtal.yaml"):
        return self.client.post(self.url, {"file": SimpleUploadedFile(name, content)})

    def test_admin_creates_the_2020_agreement(self):
        self.login(self.adam)
        r = self.upload(AGREEMENT_2020.read_bytes())
        self.assertRedirects(r, "/avtal/2020/")
        agreement = Agreement.objects.get(year=2020)
        self.assertEqual(agreement.parts.count(), 7)
        self.assertEqual(Pot.objects.filter(part__agreement=agreement).count(), 10)

    def test_bad_files_are_refused_and_nothing_is_saved(self):
        self.login(self.adam)
        r = self.upload(b"agreement: {year: 2030, title: x}\n")
        self.assertContains(r, "formatet", status_code=400)
        r = self.upload(b"agreement: [unclosed\n")
        self.assertContains(r, "YAML", status_code=400)
        r = self.upload(AGREEMENT_2020.read_bytes(), name="avtal.exe")
        self.assertContains(r, "fel typ", status_code=400)
        text = AGREEMENT_2020.read_text(encoding="utf-8").replace(
            "amount_sek: 50000000", "amount_sek: 5000000000"
        )
        r = self.upload(text.encode())
        self.assertContains(r, "överstiger", status_code=400)
        self.assertFalse(Agreement.objects.exists())

    def test_it_checks_ownership(self):
        for user in (self.alice, self.cora, self.anna):
            self.login(user)
            self.assertEqual(self.upload(AGREEMENT_2020.read_bytes()).status_code, 403)
        self.client.logout()
        self.assertRefused(self.upload(AGREEMENT_2020.read_bytes()))
        self.assertFalse(Agreement.objects.exists())
