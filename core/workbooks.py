"""The one way an uploaded file becomes an openpyxl workbook.

    with open_workbook(upload, max_bytes=10 * 1024 * 1024) as opened:   # raises WorkbookRefused
        for values in opened.rows(opened.workbook.worksheets[0]):      # parse errors: WorkbookRefused
            ...

Refused before openpyxl parses anything, each with a translated message and a stable `code`:
larger than `max_bytes` (checked on the upload's declared size before a byte is read), empty, a
password-protected or old .xls file (an OLE file), not a zip, a damaged zip, a zip without the
parts of a workbook, a zip whose members would unpack to more than `MAX_UNPACKED` in all or
`MAX_MEMBER` each, at a ratio over `MAX_RATIO`, or with more than `MAX_MEMBERS` members (a
decompression bomb; the sizes come from the zip's directory, and Python's zipfile never inflates
a member past its declared size), and any XML part declaring a DTD (`<!DOCTYPE`, hence any
`<!ENTITY`: external entities and "billion laughs"), which Excel never writes. The workbook is
opened `read_only=True, data_only=True`: formulas are never evaluated. A part that is damaged
only shows while its rows are streamed: `rows()` turns that into the same refusal.
"""
import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from xml.parsers import expat

import openpyxl
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED = 100 * 1024 * 1024
MAX_MEMBER = 60 * 1024 * 1024
MAX_RATIO = 200  # for members over 1 MB unpacked: real sheets compress 5–50 times
MAX_MEMBERS = 2000
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
REQUIRED_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
XML_SUFFIXES = (".xml", ".rels", ".vml")

MESSAGES = {
    "too_large": _("The file is larger than %(limit)s MB (%(size)s MB). Split it or remove what is not needed."),
    "empty_file": _("The file is empty."),
    "encrypted": _("This file is password-protected or an old Excel 97–2003 (.xls) file. Save it as an Excel "
                   "workbook (.xlsx) without a password and upload it again."),
    "not_xlsx": _("This is not an Excel workbook (.xlsx). Save it in Excel as .xlsx and upload it again."),
    "corrupted": _("The workbook is damaged and cannot be read. Open it in Excel, save it again as .xlsx and upload "
                   "it again."),
    "bomb": _("The workbook would unpack to more than 100 MB, or is packed suspiciously tightly; it is refused."),
    "xml_entities": _("The workbook contains XML declarations (DTD or entities) that Excel never writes; it is "
                      "refused. Open it in Excel, save it again as .xlsx and upload it again."),
}


class WorkbookRefused(ValidationError):
    """The upload is not a workbook the portal opens; `code` says why, the message says it to the user."""

    def __init__(self, code: str, **params):
        super().__init__(MESSAGES[code], code=code, params=params or None)

    @property
    def text(self) -> str:
        return self.messages[0]


@dataclass
class OpenedWorkbook:
    """A checked workbook and the zip it came from (e.g. to stream a sheet's XML); close it, or use `with`."""

    workbook: openpyxl.Workbook
    archive: zipfile.ZipFile

    def rows(self, sheet) -> Iterator[tuple]:
        """`sheet.iter_rows(values_only=True)`, with a part damaged inside the zip refused as `corrupted`."""
        iterator = sheet.iter_rows(values_only=True)
        while True:
            try:
                values = next(iterator)
            except StopIteration:
                return
            except Exception as exc:  # openpyxl raises many types (KeyError, ValueError, XML and zip errors)
                raise WorkbookRefused("corrupted") from exc
            yield values

    def close(self) -> None:
        self.workbook.close()
        self.archive.close()

    def __enter__(self) -> "OpenedWorkbook":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def open_workbook(source, *, max_bytes: int = MAX_BYTES) -> OpenedWorkbook:
    """Open `source` (bytes, an uploaded file or any binary file object) as a read-only workbook."""
    data = upload_bytes(source, max_bytes=max_bytes)
    archive = _checked_archive(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types (KeyError, ValueError, XML errors) for a damaged file
        archive.close()
        raise WorkbookRefused("corrupted") from exc
    return OpenedWorkbook(workbook, archive)


def upload_bytes(source, *, max_bytes: int) -> bytes:
    """The bytes of an upload, its size checked before they are read (at most `max_bytes` + 1 are ever read)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        size = getattr(source, "size", None)
        if size is None and hasattr(source, "seek"):
            size = source.seek(0, io.SEEK_END)
        _check_size(size or 0, max_bytes)
        if hasattr(source, "seek"):
            source.seek(0)
        data = source.read(max_bytes + 1)
    _check_size(len(data), max_bytes)
    if not data:
        raise WorkbookRefused("empty_file")
    return data


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise WorkbookRefused("too_large", size=f"{size / 1024 / 1024:.1f}", limit=f"{max_bytes / 1024 / 1024:g}")


def _checked_archive(data: bytes) -> zipfile.ZipFile:
    if data.startswith(OLE_MAGIC):
        raise WorkbookRefused("encrypted")
    if not data.startswith(ZIP_MAGIC):
        raise WorkbookRefused("not_xlsx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise WorkbookRefused("corrupted") from exc
    try:
        _check_members(archive, members)
    except BaseException:
        archive.close()
        raise
    return archive


def _check_members(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    names = {member.filename for member in members}
    if not all(part in names for part in REQUIRED_PARTS):
        raise WorkbookRefused("not_xlsx")
    if len(members) > MAX_MEMBERS or sum(member.file_size for member in members) > MAX_UNPACKED or any(
            member.file_size > MAX_MEMBER
            or (member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(member.compress_size, 1))
            for member in members):
        raise WorkbookRefused("bomb")
    for member in members:
        if member.filename.lower().endswith(XML_SUFFIXES):
            _refuse_dtd(archive, member)


class _RootReached(Exception):
    """The XML part's root element started: no DTD can follow (it would not be well-formed)."""


def _refuse_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Parse the part's prolog with expat (any encoding) and refuse a <!DOCTYPE>; stop at the root element."""
    parser = expat.ParserCreate()

    def doctype(*_args):
        raise WorkbookRefused("xml_entities")

    def root(*_args):
        raise _RootReached

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(1 << 16):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _RootReached:
        return
    except (expat.ExpatError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
            RuntimeError, NotImplementedError) as exc:  # also a member encrypted or packed in an unknown way
        raise WorkbookRefused("corrupted") from exc
