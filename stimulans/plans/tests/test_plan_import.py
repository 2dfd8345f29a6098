import time

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
        refused = [self.alice, self.regina, self.anna]
        allowed = [self.cora, self.otto, self.adam]
        self.assertAccess(URL, allowed=allowed, refused=refused, ok=200, refused_status=403)
        plan = upload(stockholm_plan_text())
        self.assertAccess(URL, refused=refused, refused_status=403, method="post", data=plan)
        # Another county's coordinator cannot import Stockholm's plan.
        self.assertAccess(URL, refused=[self.otto], refused_status=403, method="post", data=plan)
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


def billion_laughs(levels):
    """The alias bomb: each level is nine references to the one before."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels + 1):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


class HostilePlanImportTest(BaseTestCase):
    """A county coordinator's upload is parsed by the web worker: nothing in it may make the
    worker build more than the file says, and nothing unexpected may be ignored silently."""

    def setUp(self):
        super().setUp()
        self.login(self.cora)

    def assertImportRefused(self, text, message, name="plan.yaml"):
        response = self.client.post(URL, upload(text, name=name))
        self.assertContains(response, message, status_code=400)
        self.assertFalse(ActionPlan.objects.exists())
        return response

    def test_an_alias_bomb_is_refused_before_anything_is_built(self):
        start = time.monotonic()
        self.assertImportRefused(
            stockholm_plan_text() + billion_laughs(8), "Rad 79: filen hänvisar till ett värde"
        )
        self.assertLess(time.monotonic() - start, 5)

    def test_even_a_harmless_alias_is_refused_naming_the_line(self):
        text = stockholm_plan_text().replace(
            "  year: 2021\n", "  year: &y 2021\n  version: *y\n", 1
        )
        text = text.replace("  version: 4\n", "", 1)
        self.assertImportRefused(
            text, "Rad 9: filen hänvisar till ett värde på ett annat ställe (*y)"
        )

    def test_unknown_keys_are_refused_naming_them(self):
        text = stockholm_plan_text().replace("plan:\n", "planen: 1\nplan:\n  colour: red\n", 1)
        response = self.assertImportRefused(text, "okänd nyckel ”planen”")
        self.assertContains(response, "okänd nyckel ”colour”", status_code=400)

    def test_deep_nesting_is_refused(self):
        self.assertImportRefused(
            stockholm_plan_text() + "x: " + "[" * 5000 + "]" * 5000 + "\n",
            "filen är nästlad i för många nivåer",
        )

    def test_a_file_larger_than_a_plan_is_refused(self):
        text = stockholm_plan_text() + ("# " + "x" * 1000 + "\n") * 1100
        self.assertImportRefused(text, "Filen är för stor för en handlingsplan (högst 1024 kB)")
