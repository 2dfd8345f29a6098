from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stimulans.plans.docx_export import build_docx
from stimulans.plans.models import ActionPlan, PlanScope
from stimulans.plans.pdf_export import build_pdf
from stimulans.plans.yaml_export import export_yaml


class Command(BaseCommand):
    help = (
        "Export an action plan as YAML (the import format), Word or PDF. COUNTY is a county code "
        "(01) or 'nationell' for the national initiative list; the latest version of the year "
        "unless --plan-version is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("county", help="County code, e.g. 01, or 'nationell'")
        parser.add_argument("year", type=int)
        parser.add_argument("--plan-version", type=int, dest="plan_version")
        parser.add_argument("--format", choices=["yaml", "docx", "pdf"], default="yaml")
        parser.add_argument("-o", "--output", help="File to write (default: standard output)")

    def handle(self, *args, **options):
        plans = ActionPlan.objects.filter(year=options["year"])
        if options["county"] in ("nationell", "national"):
            plans = plans.filter(scope=PlanScope.NATIONAL)
        else:
            plans = plans.filter(scope=PlanScope.COUNTY, county__code=options["county"].zfill(2))
        if options["plan_version"]:
            plans = plans.filter(version=options["plan_version"])
        plan = plans.order_by("-version").first()
        if plan is None:
            raise CommandError("Ingen sådan plan finns.", returncode=2)
        if options["format"] in ("docx", "pdf"):
            if not options["output"]:
                raise CommandError("Ange en fil med --output för Word och PDF.", returncode=2)
            build = build_docx if options["format"] == "docx" else build_pdf
            Path(options["output"]).write_bytes(build(plan))
        elif options["output"]:
            Path(options["output"]).write_text(export_yaml(plan), encoding="utf-8")
        else:
            self.stdout.write(export_yaml(plan), ending="")
