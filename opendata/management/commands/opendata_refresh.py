from django.core.management.base import BaseCommand

from opendata.services import published_refresh


class Command(BaseCommand):
    help = "Bring the public catalog (read model) up to date with what is approved; --full re-checks every record."

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="Re-build every data set, not only those changed.")

    def handle(self, *args, full=False, **options):
        changed = published_refresh(full=full)
        self.stdout.write(f"{changed} published data set(s) changed.")
