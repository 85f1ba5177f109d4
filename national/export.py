"""The national board as an .xlsx to send: one row per province and development issue."""
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from progress.selectors import METRIC_LABELS, METRICS


def board_workbook(board) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("National board"))
    sheet.append([_("Province code"), _("Province"), _("Province tier"), _("Behind"), _("Issue"), _("Fiscal year"),
                  _("Issue tier"), _("Missing for the next tier"), *(str(METRIC_LABELS[m]) for m in METRICS)])
    for row in board:
        for p in row.progress or [None]:
            issue_cells = [p.issue.number, p.issue.fiscal_year, p.tier, "; ".join(c.label for c in p.missing),
                           *(p.total.counts.get(metric, 0) for metric in METRICS)] if p else []
            sheet.append([row.province.code, row.province.name_th, row.tier, _("yes") if row.behind else "",
                          *issue_cells])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
