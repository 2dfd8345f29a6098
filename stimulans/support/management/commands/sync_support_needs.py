from django.core.management.base import BaseCommand

from stimulans.support.report_needs import apply_suggestions, sync_report_needs


class Command(BaseCommand):
    help = (
        "Läser in redovisningarnas svar på stödfrågan som stödbehov (går att köra om; "
        "en redovisnings behov ändras efter dess sparade svar)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="Bara överenskommelsen detta år.")
        parser.add_argument(
            "--suggestions",
            action="store_true",
            help="Koda okodade behov från redovisningarna med föreslaget tema.",
        )

    def handle(self, *args, year=None, suggestions=False, **options):
        created, removed = sync_report_needs(year)
        self.stdout.write(f"Nya stödbehov: {created}, borttagna: {removed}")
        if suggestions:
            self.stdout.write(f"Kodade med föreslaget tema: {apply_suggestions(None, year)}")
