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
