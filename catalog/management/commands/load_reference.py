from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalog.services import ReferenceFiles, reference_load
from catalog.services.reference import ReferenceError


class Command(BaseCommand):
    help = "Load a province's reference lists (CSV, UTF-8, header row). See fixtures/ for the columns."

    def add_arguments(self, parser):
        for name in ("province", "agencies", "issues", "dimensions", "items"):
            parser.add_argument(f"--{name}", type=Path, required=True)
        parser.add_argument("--districts", type=Path)
        parser.add_argument("--meetings", type=Path, help="Changes in the items file were decided at the last one.")

    def handle(self, *args, **options):
        files = ReferenceFiles(**{k: options[k] for k in ReferenceFiles.__dataclass_fields__})
        try:
            report = reference_load(files=files)
        except (ReferenceError, FileNotFoundError, KeyError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Loaded: {report.counts}"))
