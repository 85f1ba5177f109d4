"""Reading an uploaded CSV or XLSX file into a header row and data rows (no validation of cells).

Limits (documented in the upload page and the report): at most MAX_ROWS data rows and
MAX_UPLOAD_BYTES bytes per file; larger files are refused whole before any cell is read further.
"""
import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from core.workbooks import WorkbookRefused, open_workbook

MAX_ROWS = 50_000
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class FileRefused(Exception):
    def __init__(self, code: str, reason):
        super().__init__(code)
        self.code, self.reason = code, reason


@dataclass
class RawTable:
    headers: list
    rows: list  # list of (line number in the file, list of cells)


def read_table(*, content: bytes, filename: str) -> RawTable:
    if len(content) > MAX_UPLOAD_BYTES:
        raise FileRefused("too_big", _("The file is larger than %(mb)d MB.") % {"mb": MAX_UPLOAD_BYTES // 2**20})
    if not content.strip():
        raise FileRefused("empty", _("The file is empty."))
    if filename.lower().endswith(".xlsx"):
        lines = _xlsx_lines(content)
    elif filename.lower().endswith((".csv", ".txt")):
        lines = _csv_lines(content)
    else:
        raise FileRefused("bad_format", _("Upload a .csv or .xlsx file."))
    return _collect(lines)


def _csv_lines(content: bytes):
    for encoding in ("utf-8-sig", "cp874"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise FileRefused("bad_encoding", _("The CSV file must be UTF-8."))
    yield from csv.reader(io.StringIO(text, newline=""))


def _xlsx_lines(content: bytes):
    """The first sheet's rows, through the portal's one safe reader (size, zip and XML checks)."""
    try:
        with open_workbook(content, max_bytes=MAX_UPLOAD_BYTES) as opened:
            if not opened.workbook.worksheets:
                raise FileRefused("empty", _("The file is empty."))
            yield from opened.rows(opened.workbook.worksheets[0])
    except WorkbookRefused as refused:
        raise FileRefused(refused.code, refused.text) from None


def _is_blank(cells) -> bool:
    return all(cell is None or str(cell).strip() == "" for cell in cells)


def _collect(lines) -> RawTable:
    headers, rows = None, []
    for line, cells in enumerate(lines, start=1):
        cells = list(cells)
        if _is_blank(cells):
            continue
        if headers is None:
            headers = cells
            continue
        if len(rows) >= MAX_ROWS:
            raise FileRefused("too_many_rows", _("The file has more than %(limit)s data rows; split it.") % {
                "limit": f"{MAX_ROWS:,}"})
        rows.append((line, cells))
    if headers is None:
        raise FileRefused("empty", _("The file is empty."))
    if not rows:
        raise FileRefused("no_rows", _("The file has a header row but no data rows."))
    return RawTable(headers=headers, rows=rows)
