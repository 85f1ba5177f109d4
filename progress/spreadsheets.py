"""The follow-up workbook sent to an agency: its contact, then one row per outstanding item.

Written row by row (openpyxl write-only) into a stream, so a long list costs time, not memory."""
from collections.abc import Iterable

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from catalog.models import Agency
from catalog.thaidates import format_be_date
from progress.followup import FollowUpRow
from templates_app.spreadsheets.cells import TITLE_FONT, WRAP, set_text, set_widths, style_header


def followup_workbook(*, agency: Agency, rows: Iterable[FollowUpRow], today, stream) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Follow-up")[:31])
    set_widths(sheet, [8, 14, 48, 16, 44, 60])

    def cell(value, **style) -> WriteOnlyCell:
        written = set_text(WriteOnlyCell(sheet), value)
        for name, setting in style.items():
            setattr(written, name, setting)
        return written

    contact = [(_("Agency code"), agency.code), (_("Contact person"), agency.contact_name),
               (_("Contact e-mail"), agency.contact_email), (_("Contact telephone"), agency.contact_phone),
               (_("As of"), format_be_date(today))]
    header_row = len(contact) + 3
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.append([cell(_("Outstanding data sets of %(agency)s") % {"agency": agency.name_th}, font=TITLE_FONT)])
    for label, value in contact:
        sheet.append([cell(label), cell(value or "—")])
    sheet.append([])
    headers = [_("Issue"), _("Item code"), _("Data set"), _("Data type"), _("What is missing"), _("Details")]
    sheet.append([style_header(cell(heading)) for heading in headers])
    for row in rows:
        for problem in row.problems:
            values = [row.item.issue.number, row.item.code, row.item.name_th, row.item.get_data_type_display(),
                      problem.text, "\n".join(problem.fields)]
            sheet.append([cell(value, alignment=WRAP) for value in values])
    book.save(stream)
