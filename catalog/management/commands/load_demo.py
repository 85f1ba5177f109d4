from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from catalog.models import Province
from core.tenancy import province_scope


def demo_modules(*, exclude: tuple = ()) -> list:
    """Each app's `demo` module, in INSTALLED_APPS order (catalog's, which loads the province, first)."""
    modules = []
    for app in apps.get_app_configs():
        if app.name in exclude:
            continue
        try:
            modules.append(import_module(f"{app.name}.demo"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{app.name}.demo":
                raise
    return modules


class Command(BaseCommand):
    help = ("Load the Pattani demo (reference lists, users, and each app's demo records); --provinces N also gives "
            "N more provinces (from load_provinces) the same lists as synthetic demo data. Safe to run twice.")

    def add_arguments(self, parser):
        parser.add_argument("--provinces", type=int, default=0,
                            help="How many other provinces get synthetic demo data (marked as demo).")

    def handle(self, *args, **options):
        from catalog.demo import demo_province_load

        with transaction.atomic():
            for module in demo_modules():
                with province_scope(Province.default()):  # none before catalog's demo loads Pattani
                    module.load_demo(stdout=self.stdout)
            if options["provinces"]:
                from catalog.services.provinces import provinces_load

                provinces_load()
                others = Province.all_objects.exclude(pk=Province.default().pk).order_by("-is_demo", "code")
                for province in others[: options["provinces"]]:
                    demo_province_load(province=province, stdout=self.stdout)
                    self.stdout.write(f"Demo province: {province.slug}")
        self.stdout.write(self.style.SUCCESS("Demo loaded."))
