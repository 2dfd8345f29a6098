import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.lib.inputfiles import read_import_file
from stimulans.reporting.formcheck import check_form


class Command(BaseCommand):
    help = (
        "Check an XLSForm (.xlsx/.xls) by the questionnaire upload's rules before uploading it; "
        "with --answers ANSWERS.json also check example answers as a submission would. "
        "Exit status 0 when the form is accepted, 2 when it is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("form")
        parser.add_argument("--answers", help="JSON: {field: value}, lists for select_multiple")
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args, **options):
        path = Path(options["form"])
        content = read_import_file(path)
        answers = None
        if options["answers"]:
            answers = _read_answers(options["answers"])
        result = check_form(content, path.name, answers)
        if options["format"] == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            self._write_text(result)
        if not result["valid"]:
            raise CommandError(_("Formuläret godtas inte."), returncode=2)

    def _write_text(self, result):
        if result["valid"]:
            self.stdout.write(_("Formuläret godtas (%(n)d frågor).") % {"n": len(result["fields"])})
        for error in result["errors"]:
            self.stdout.write(error)
        checked = result.get("answers")
        if checked and result["valid"]:
            for name in checked["irrelevant"]:
                self.stdout.write(
                    _("%(name)s: visas inte med dessa svar; svaret sparas inte.") % {"name": name}
                )
            for name, message in checked["errors"].items():
                self.stdout.write(f"{name}: {message}")
            if not checked["irrelevant"] and not checked["errors"]:
                self.stdout.write(_("Svaren kan skickas in."))


def _read_answers(path):
    try:
        answers = json.loads(read_import_file(path).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CommandError(
            _("Svarsfilen %(path)s är inte JSON: %(err)s") % {"path": path, "err": exc},
            returncode=2,
        ) from exc
    if not isinstance(answers, dict):
        raise CommandError(
            _("Svarsfilen %(path)s ska vara ett JSON-objekt med frågornas namn som nycklar.")
            % {"path": path},
            returncode=2,
        )
    return answers
