from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load the Pattani demo (reference lists, users, and each app's demo records). Safe to run twice."

    def handle(self, *args, **options):
        with transaction.atomic():
            for app in apps.get_app_configs():
                try:
                    module = import_module(f"{app.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{app.name}.demo":
                        raise
                    continue
                module.load_demo(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo loaded."))
