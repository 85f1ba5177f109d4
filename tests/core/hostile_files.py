"""Hostile .xlsx files, built in the test: a decompression bomb and sheets declaring XML entities."""
import io
import re
import struct
import zipfile
import zlib

import openpyxl

MIB = 1024 * 1024


def workbook(rows=(("period", "area", "value"), ("2566", "9401", "12"))) -> bytes:
    """A small real workbook (one sheet, inline strings) to make hostile variants of."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def replace_member(data: bytes, name: str, body: bytes) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, body if info.filename == name else source.read(info.filename))
    return out.getvalue()


def with_doctype(data: bytes, doctype: bytes, reference: bytes) -> bytes:
    """The first sheet declaring `doctype` and showing `reference` (e.g. b"&xxe;") in cell A1."""
    part = "xl/worksheets/sheet1.xml"
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part)
    xml = re.sub(rb"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or b"") + doctype, xml, count=1)
    cell = b'<c r="A1" t="inlineStr"><is><t>' + reference + b"</t></is></c>"
    xml = re.sub(rb'<c r="A1"[^>]*?(/>|>.*?</c>)', cell, xml, count=1, flags=re.S)
    assert reference in xml
    return replace_member(data, part, xml)


XXE = (b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', b"&xxe;")
BILLION_LAUGHS = (
    b'<!DOCTYPE worksheet [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10))
    + b"]>",
    b"&lol9;",
)


def bomb(unpacked_mib: int = 900) -> bytes:
    """A real workbook whose sheet is replaced by `unpacked_mib` MiB of one repeated byte inside a cell.

    The deflate stream is one compressed MiB repeated (each ends with a full flush, so the copies are
    identical and independent): the file is built in a second instead of deflating 900 MiB.
    """
    head = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' \
           b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
    tail = b"</t></is></c></row></sheetData></worksheet>"
    body = b"A" * MIB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(body) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = zlib.compressobj(9, zlib.DEFLATED, -15)
    again.compress(head), again.flush(zlib.Z_FULL_FLUSH)
    assert again.compress(body) + again.flush(zlib.Z_FULL_FLUSH) == repeated
    last = compressor.compress(tail) + compressor.flush()
    deflated = first + repeated * unpacked_mib + last
    crc = zlib.crc32(head)
    for _ in range(unpacked_mib):
        crc = zlib.crc32(body, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + unpacked_mib * MIB + len(tail)
    part = "xl/worksheets/sheet1.xml"
    real = zipfile.ZipFile(io.BytesIO(workbook()))
    others = [(info.filename, real.read(info.filename)) for info in real.infolist() if info.filename != part]
    return _zip([(name, zlib.compress(data, 9)[2:-4], zlib.crc32(data), len(data)) for name, data in others]
                + [(part, deflated, crc, size)])


def _zip(members) -> bytes:
    """A zip of (name, raw deflate data, crc32, unpacked size), written field by field (APPNOTE 4.3)."""
    out, directory = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in members:
        offset, encoded = out.tell(), name.encode()
        fields = (20, 0, zipfile.ZIP_DEFLATED, 0, 0x21, crc, len(data), size, len(encoded), 0)
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + encoded + data)
        directory.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, offset) + encoded)
    start, count = out.tell(), len(members)
    out.write(directory.getvalue())
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory.getvalue()), start, 0))
    return out.getvalue()


def patch_directory(data: bytes, name: str, offset: int, value: int) -> bytes:
    """`data` with a 2-byte field of `name`'s central-directory entry set to `value` (APPNOTE 4.3.12:
    offset 8 is the general-purpose flags, 10 the compression method)."""
    out, start = bytearray(data), 0
    while (start := out.find(b"PK\x01\x02", start)) != -1:
        length = struct.unpack_from("<H", out, start + 28)[0]
        if out[start + 46:start + 46 + length] == name.encode():
            struct.pack_into("<H", out, start + offset, value)
            return bytes(out)
        start += 4
    raise AssertionError(f"{name} is not in the zip")
