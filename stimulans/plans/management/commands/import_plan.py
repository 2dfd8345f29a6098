from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from stimulans.lib.inputfiles import read_import_file
from stimulans.plans.services import PlanError, publish
from stimulans.plans.yaml_format import MAX_PLAN_BYTES, PlanImportError, too_large_error
from stimulans.plans.yaml_import import import_plan_text


class Command(BaseCommand):
    help = (
        "Import an action plan from a YAML file in the shape of stockholm-plan-2021.yaml. "
        "All-or-nothing: creates a draft, or replaces the draft with the same version."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="YAML file")
        parser.add_argument(
            "--publish", action="store_true", help="Publish the version after importing it."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            if path.stat().st_size > MAX_PLAN_BYTES:
                raise CommandError(f"{path}: {too_large_error()}", returncode=2)
            text = read_import_file(path).decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Kan inte läsa {path}: {exc}", returncode=2) from exc
        try:
            with transaction.atomic():
                plan = import_plan_text(text)
                if options["publish"]:
                    publish(plan, None)
        except PlanImportError as exc:
            raise CommandError(
                "Inget importerades:\n  " + "\n  ".join(exc.errors), returncode=2
            ) from exc
        except PlanError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(
            f"{plan}: {plan.areas.count()} områden, {plan.activities.count()} aktiviteter "
            f"({plan.get_status_display().lower()})."
        )
