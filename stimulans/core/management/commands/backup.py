from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from stimulans.core.backup import backup
from stimulans.lib.numbers import thousands


class Command(BaseCommand):
    help = (
        "Write a backup of the whole database and the uploaded files to FILE (a gzip-compressed "
        "tar archive, mode 0600), read in one consistent snapshot."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        try:
            result = backup(options["file"])
        except OSError as exc:
            raise CommandError(
                _("Säkerhetskopian kunde inte skrivas: %(err)s") % {"err": exc}, returncode=2
            ) from exc
        self.stdout.write(
            _(
                "Säkerhetskopian är skriven till %(file)s (%(size)s byte, uppladdade filer: "
                "%(files)s)."
            )
            % {
                "file": options["file"],
                "size": thousands(result.size),
                "files": thousands(len(result.files)),
            }
        )
        for name in result.missing:
            self.stderr.write(
                _("Varning: filen %(name)s saknas bland de uppladdade filerna.") % {"name": name}
            )
