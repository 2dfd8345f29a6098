import time

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
        self.assertAccess(
            self.url,
            refused=[self.alice, self.cora, self.anna],
            refused_status=403,
            method="post",
            data={"file": SimpleUploadedFile("avtal.yaml", AGREEMENT_2020.read_bytes())},
        )
        self.assertFalse(Agreement.objects.exists())

    def test_an_alias_bomb_is_refused_before_it_expands(self):
        # Aliases are allowed (the 2020 file shares category lists); expanding is limited.
        self.login(self.adam)
        lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        for i in range(1, 10):
            lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
        lines.append("agreement: *a9")
        start = time.monotonic()
        r = self.upload("\n".join(lines).encode())
        self.assertContains(
            r, "Rad 6: filen blir orimligt stor när hänvisningarna i den fylls i.", status_code=400
        )
        self.assertLess(time.monotonic() - start, 5)
        r = self.upload(b"agreement: &a {parts: [*a]}\n")
        self.assertContains(r, "Rad 1: en hänvisning pekar in i värdet", status_code=400)
        r = self.upload(b"agreement: " + b"[" * 5000 + b"]" * 5000 + b"\n")
        self.assertContains(r, "Rad 1: filen är nästlad i för många nivåer.", status_code=400)
        self.assertFalse(Agreement.objects.exists())
