"""Import an agency's filled workbook through the same import (and services) as the web page."""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.audit import audit_record
from accounts.models import User
from catalog.models import Agency
from templates_app.spreadsheets.gdc_import import workbook_import


class Command(BaseCommand):
    help = "Import an agency workbook (all rows or none). Exit status 1 when the file has errors."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The filled .xlsx workbook.")
        parser.add_argument("--agency", required=True, help="The agency code the workbook belongs to.")
        parser.add_argument("--user", help="Save as this agency staff user (default: the agency's first).")
        parser.add_argument("--dry-run", action="store_true", help="Check and report; write nothing.")
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print the report as JSON.")

    def handle(self, *args, file, agency, user=None, dry_run=False, as_json=False, **options):
        agency_obj = Agency.objects.filter(code__iexact=agency).first()
        if agency_obj is None:
            raise CommandError(f"No agency with code {agency}.")
        staff = User.objects.filter(role=User.Role.AGENCY_STAFF, agency=agency_obj, is_active=True)
        by = (staff.filter(username=user) if user else staff.order_by("username")).first()
        if by is None:
            named = f" named {user}" if user else ""
            raise CommandError(f"No active agency staff user of {agency_obj.code}{named}.")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        with path.open("rb") as stream:
            report = workbook_import(file=stream, agency=agency_obj, user=by, dry_run=dry_run)
        if report.applied:
            audit_record(kind="import", actor=by, summary=f"agency workbook {path.name} (manage.py import_workbook)",
                         details={"agency": agency_obj.code, "created": report.created, "updated": report.updated})
        self._print(report, as_json, dry_run)
        if report.errors:
            raise CommandError(f"{len(report.errors)} errors; nothing was written.", returncode=1)

    def _print(self, report, as_json, dry_run):
        if as_json:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False))
            return
        for error in report.errors:
            where = ", ".join(filter(None, [error.sheet, f"row {error.row}" if error.row else "",
                                            f"column {error.column}" if error.column else "",
                                            f"item {error.item}" if error.item else "", error.field]))
            self.stderr.write(f"{where}: {error.message}")
        state = "dry run, nothing written" if dry_run else ("applied" if report.applied else "nothing written")
        self.stdout.write(f"{report.created} new, {report.updated} changed, {report.unchanged} unchanged, "
                          f"{len(report.errors)} errors ({state}).")
