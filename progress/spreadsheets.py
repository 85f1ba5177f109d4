"""The follow-up workbook sent to an agency: its contact, then one row per outstanding item."""
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from catalog.models import Agency
from catalog.thaidates import format_be_date
from progress.followup import FollowUpRow
from templates_app.spreadsheets.cells import TITLE_FONT, WRAP, set_text, set_widths, style_header


def followup_workbook(*, agency: Agency, rows: list[FollowUpRow], today) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Follow-up")[:31]
    set_text(sheet.cell(1, 1), _("Outstanding data sets of %(agency)s") % {"agency": agency.name_th}).font = TITLE_FONT
    contact = [(_("Agency code"), agency.code), (_("Contact person"), agency.contact_name),
               (_("Contact e-mail"), agency.contact_email), (_("Contact telephone"), agency.contact_phone),
               (_("As of"), format_be_date(today))]
    for offset, (label, value) in enumerate(contact, start=2):
        set_text(sheet.cell(offset, 1), label)
        set_text(sheet.cell(offset, 2), value or "—")
    header_row = len(contact) + 3
    headers = [_("Issue"), _("Item code"), _("Data set"), _("Data type"), _("What is missing"), _("Details")]
    for column, heading in enumerate(headers, start=1):
        style_header(set_text(sheet.cell(header_row, column), heading))
    line = header_row
    for row in rows:
        for problem in row.problems:
            line += 1
            values = [row.item.issue.number, row.item.code, row.item.name_th, row.item.get_data_type_display(),
                      problem.text, "\n".join(problem.fields)]
            for column, value in enumerate(values, start=1):
                set_text(sheet.cell(line, column), value).alignment = WRAP
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    set_widths(sheet, [8, 14, 48, 16, 44, 60])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
