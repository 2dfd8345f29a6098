import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

from stimulans.plans.demo import STOCKHOLM_PLAN_2021
from stimulans.plans.models import ActionPlan
from stimulans.test import BaseTestCase


class ImportPlanCommandTest(BaseTestCase):
    def test_it_imports_and_publishes(self):
        out = StringIO()
        call_command("import_plan", str(STOCKHOLM_PLAN_2021), "--publish", stdout=out)
        plan = ActionPlan.objects.get()
        self.assertTrue(plan.is_published)
        self.assertIn("15 aktiviteter", out.getvalue())

    def test_errors_exit_with_status_2_and_save_nothing(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "plan.yaml"
            path.write_text(
                STOCKHOLM_PLAN_2021.read_text(encoding="utf-8").replace(
                    "kind: prioriterad, no: 1,", "kind: prioriterad, no: -1,", 1
                ),
                encoding="utf-8",
            )
            with self.assertRaises(CommandError) as ctx:
                call_command("import_plan", str(path))
        self.assertEqual(ctx.exception.returncode, 2)
        self.assertIn("Rad 34, plan.areas[0].subareas[0].activities[0].no", str(ctx.exception))
        self.assertFalse(ActionPlan.objects.exists())

    def test_a_missing_file_exits_with_status_2(self):
        with self.assertRaises(CommandError) as ctx:
            call_command("import_plan", "/nonexistent/plan.yaml")
        self.assertEqual(ctx.exception.returncode, 2)


class ExportPlanCommandTest(BaseTestCase):
    def test_it_exports_what_import_reads(self):
        call_command("import_plan", str(STOCKHOLM_PLAN_2021), stdout=StringIO())
        out = StringIO()
        call_command("export_plan", "01", "2021", stdout=out)
        self.assertIn("county_code: '01'", out.getvalue())
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "plan.docx"
            call_command("export_plan", "1", "2021", "--format", "docx", "-o", str(path))
            self.assertGreater(path.stat().st_size, 1000)

    def test_a_missing_plan_exits_with_status_2(self):
        with self.assertRaises(CommandError) as ctx:
            call_command("export_plan", "03", "2021")
        self.assertEqual(ctx.exception.returncode, 2)


class HostileImportPlanCommandTest(BaseTestCase):
    def _import(self, text):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "plan.yaml"
            path.write_text(text, encoding="utf-8")
            with self.assertRaises(CommandError) as ctx:
                call_command("import_plan", str(path))
        self.assertEqual(ctx.exception.returncode, 2)
        self.assertFalse(ActionPlan.objects.exists())
        return str(ctx.exception)

    def test_aliases_unknown_keys_and_large_files_exit_with_status_2(self):
        text = STOCKHOLM_PLAN_2021.read_text(encoding="utf-8")
        bomb = text + 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        self.assertIn("Rad 79: filen hänvisar till ett värde", self._import(bomb))
        self.assertIn("okänd nyckel ”extra”", self._import(text + "extra: 1\n"))
        large = text + ("# " + "x" * 1000 + "\n") * 1100
        self.assertIn("Filen är för stor för en handlingsplan", self._import(large))
