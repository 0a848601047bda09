from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ladder.loading.specs import LadderDataError
from ladder.services import ladder_load


class Command(BaseCommand):
    help = "Load the career ladder from its YAML data file (safe to run again and again)."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=settings.LADDER_DATA_FILE)
        parser.add_argument(
            "--force", action="store_true", help="Reload even if the file has not changed."
        )

    def handle(self, *args, file: Path, force: bool, **options):
        try:
            report = ladder_load(path=file, force=force)
        except FileNotFoundError:
            raise CommandError(f"No ladder data file at {file}") from None
        except LadderDataError as error:
            raise CommandError(f"{file.name}: {error}") from None
        if report.changed:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Ladder {report.version} loaded: {report.expectations} expectations"
                    + (f", {report.retired} retired" if report.retired else "")
                )
            )
        else:
            self.stdout.write(f"Ladder {report.version} is already loaded; nothing to do.")
