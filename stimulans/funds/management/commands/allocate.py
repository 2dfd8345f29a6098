import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stimulans.funds.allocation import AllocationError, Share, largest_remainder
from stimulans.funds.weights import WeightTableError, parse_weight_table
from stimulans.lib.inputfiles import read_import_file
from stimulans.lib.text import is_digits


class Command(BaseCommand):
    help = (
        "Allocate N whole kronor over a weight table (CSV: org_kind,org_code,weight) by the "
        "largest-remainder method. Writes nothing to the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--amount", required=True, help="Whole kronor, a positive integer.")
        parser.add_argument("--key", required=True, help="CSV file with the weight table.")
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, **options):
        raw = options["amount"].strip()
        if not is_digits(raw) or int(raw) <= 0:
            raise CommandError(
                f"--amount: ”{raw}” är inte ett positivt heltal (kronor).", returncode=2
            )
        amount = int(raw)
        path = Path(options["key"])
        try:
            text = read_import_file(path).decode("utf-8")
        except CommandError as exc:
            raise CommandError(f"--key: {exc}", returncode=2) from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"--key: filen {path} kan inte läsas: {exc}", returncode=2) from exc
        try:
            rows = parse_weight_table(text)
            amounts = largest_remainder(
                amount, [Share(tie_key=(org.code, org.kind), weight=w) for org, w in rows]
            )
        except WeightTableError as exc:
            raise CommandError("\n".join(exc.errors), returncode=2) from exc
        except AllocationError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        result = [
            {"org_kind": org.kind, "org_code": org.code, "amount_sek": a}
            for (org, _w), a in zip(rows, amounts, strict=True)
        ]
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
