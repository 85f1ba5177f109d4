"""Write the GD Catalog-ready workbook (Temp2/Temp3 sheets and the pre-flight sheet)."""
from django.core.management.base import BaseCommand, CommandError

from accounts.audit import audit_record
from catalog.models import Agency, DevelopmentIssue
from templates_app.gdschema.versions import importer_versions
from templates_app.spreadsheets.gdc_export import gdcatalog_export


class Command(BaseCommand):
    help = "Export the GD Catalog import workbook for the province, one issue or one agency."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="The .xlsx file to write.")
        parser.add_argument("--issue", type=int, help="Development issue number (latest fiscal year).")
        parser.add_argument("--agency", help="Agency code.")
        parser.add_argument("--approved-only", action="store_true", help="Approved records only.")
        parser.add_argument("--importer-version", choices=importer_versions(),
                            help="The GD Catalog importer the workbook is for (default: GDC_IMPORTER_VERSION).")

    def handle(self, *args, output, issue=None, agency=None, approved_only=False, importer_version=None, **options):
        issue_obj = DevelopmentIssue.objects.filter(number=issue).order_by("-fiscal_year").first() if issue else None
        if issue and issue_obj is None:
            raise CommandError(f"No development issue {issue}.")
        agency_obj = Agency.objects.filter(code__iexact=agency).first() if agency else None
        if agency and agency_obj is None:
            raise CommandError(f"No agency with code {agency}.")
        summary = gdcatalog_export(stream=output, issue=issue_obj, agency=agency_obj, approved_only=approved_only,
                                   version=importer_version)
        audit_record(kind="export", summary=f"GD Catalog workbook {output} (manage.py export_gdcatalog)",
                     details={"issue": issue, "agency": agency, "approved_only": approved_only, "records": summary.records})
        self.stdout.write(f"{output}: {summary.records} records, {summary.resources} resources, "
                          f"{len(summary.findings)} pre-flight findings.")
