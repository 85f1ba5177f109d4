"""`core.workbooks`: the one safe reader refuses hostile files before openpyxl parses them."""
import io
import zipfile

import pytest

from core.workbooks import MAX_MEMBER, MESSAGES, WorkbookRefused, open_workbook, upload_bytes

from .hostile_files import BILLION_LAUGHS, XXE, patch_directory, replace_member, with_doctype, workbook


def refusal(data, **kwargs) -> str:
    with pytest.raises(WorkbookRefused) as caught:
        with open_workbook(data, **kwargs) as opened:
            list(opened.rows(opened.workbook.worksheets[0]))
    assert caught.value.text
    return caught.value.code


def test_a_real_workbook_opens_read_only_and_streams_its_rows():
    with open_workbook(workbook()) as opened:
        assert opened.workbook.read_only
        assert list(opened.rows(opened.workbook.worksheets[0])) == [("period", "area", "value"), ("2566", "9401", "12")]


def test_a_decompression_bomb_is_refused_from_the_zip_directory(bomb_900):
    assert len(bomb_900) < 1024 * 1024
    assert refusal(bomb_900) == "bomb"


@pytest.mark.parametrize("declaration", [XXE, BILLION_LAUGHS], ids=["xxe", "billion-laughs"])
def test_xml_entity_declarations_are_refused(declaration):
    assert refusal(with_doctype(workbook(), *declaration)) == "xml_entities"


def test_a_doctype_in_utf16_is_seen_too():
    hostile = with_doctype(workbook(), *XXE)
    part = "xl/worksheets/sheet1.xml"
    xml = zipfile.ZipFile(io.BytesIO(hostile)).read(part).decode()
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').replace("encoding='UTF-8'", "encoding='UTF-16'")
    assert refusal(replace_member(hostile, part, xml.encode("utf-16"))) == "xml_entities"


def test_too_many_members_or_one_too_large_is_a_bomb():
    data = workbook()
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as out, zipfile.ZipFile(io.BytesIO(data)) as source:
        for info in source.infolist():
            out.writestr(info, source.read(info))
        for n in range(2001):
            out.writestr(f"xl/media/image{n}.bin", b"")
    assert refusal(many.getvalue()) == "bomb"
    varied = bytes(range(256)) * (MAX_MEMBER // 256 + 1)  # does not compress: the ratio alone would pass
    assert refusal(_with_member(data, varied), max_bytes=2 * MAX_MEMBER) == "bomb"


def _with_member(data: bytes, body: bytes) -> bytes:
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/media/big.bin", body)
    return out.getvalue()


def test_a_member_encrypted_or_packed_in_an_unknown_way_is_refused():
    encrypted = patch_directory(workbook(), "xl/workbook.xml", 8, 0x1)  # zipfile then wants a password
    assert refusal(encrypted) == "corrupted"
    unknown = patch_directory(workbook(), "xl/workbook.xml", 10, 99)  # compression method 99 (AES)
    assert refusal(unknown) == "corrupted"


def test_a_part_damaged_inside_the_zip_is_refused_while_streaming():
    damaged = replace_member(workbook(), "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row")
    assert refusal(damaged) == "corrupted"


@pytest.mark.parametrize("data, code", [
    (b"", "empty_file"), (b"%PDF-1.7\n", "not_xlsx"), (b"PK\x03\x04" + b"\x00" * 100, "corrupted"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "encrypted"),
])
def test_what_is_not_a_workbook(data, code):
    assert refusal(data) == code


def test_the_size_is_checked_before_a_byte_is_read():
    class Huge(io.BytesIO):
        size = 2 * 1024 * 1024 + 1

        def read(self, *args):
            raise AssertionError("read before the size check")

    with pytest.raises(WorkbookRefused) as caught:
        upload_bytes(Huge(), max_bytes=2 * 1024 * 1024)
    assert caught.value.code == "too_large" and "2 MB" in caught.value.text
    assert set(MESSAGES) >= {"too_large", "bomb", "xml_entities", "corrupted", "not_xlsx"}
