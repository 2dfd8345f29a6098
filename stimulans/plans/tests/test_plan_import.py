from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stimulans.plans.demo import stockholm_plan_text
from stimulans.plans.models import ActionPlan
from stimulans.test import BaseTestCase

URL = reverse("plans:plan_import")


def upload(text, name="plan.yaml"):
    return {"file": SimpleUploadedFile(name, text.encode("utf-8"))}


class PlanImportTest(BaseTestCase):
    def test_it_checks_ownership(self):
        self.client.logout()
        response = self.client.get(URL)
        self.assertIn("/konto/logga-in/", response["Location"])
        for user in (self.alice, self.regina, self.anna):
            self.login(user)
            self.assertEqual(self.client.get(URL).status_code, 403, user.username)
            self.assertEqual(self.client.post(URL, upload(stockholm_plan_text())).status_code, 403)
        for user in (self.cora, self.otto, self.adam):
            self.login(user)
            self.assertEqual(self.client.get(URL).status_code, 200, user.username)
        # Another county's coordinator cannot import Stockholm's plan.
        self.login(self.otto)
        response = self.client.post(URL, upload(stockholm_plan_text()))
        self.assertEqual(response.status_code, 403)
        self.assertFalse(ActionPlan.objects.exists())

    def test_the_coordinator_imports_the_plan_as_a_draft(self):
        self.login(self.cora)
        response = self.client.post(URL, upload(stockholm_plan_text()))
        plan = ActionPlan.objects.get()
        self.assertRedirects(response, reverse("plans:plan_detail", args=[plan.pk]))
        self.assertTrue(plan.is_draft)
        self.assertEqual(plan.activities.count(), 15)

    def test_errors_name_the_line_and_nothing_is_saved(self):
        self.login(self.cora)
        text = stockholm_plan_text().replace("kind: löpande, no: 2,", "kind: ofta, no: 2,", 1)
        response = self.client.post(URL, upload(text))
        self.assertContains(response, "Rad 37", status_code=400)
        self.assertContains(response, "Inget importerades", status_code=400)
        self.assertFalse(ActionPlan.objects.exists())

    def test_wrong_file_type_is_refused(self):
        self.login(self.cora)
        response = self.client.post(URL, upload("x", name="plan.exe"))
        self.assertContains(response, "har fel typ", status_code=400)
