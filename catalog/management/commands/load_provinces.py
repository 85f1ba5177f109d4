from django.core.management.base import BaseCommand

from catalog.services.provinces import provinces_load


class Command(BaseCommand):
    help = ("Add the 76 provinces (Thai and English names from pythainlp, codes from ISO 3166-2:TH), each served "
            "at <slug>.PORTAL_DOMAIN. Provinces already loaded are left as they are. Safe to run twice.")

    def handle(self, *args, **options):
        added, kept = provinces_load()
        self.stdout.write(self.style.SUCCESS(f"Provinces: {added} added, {kept} already there."))
