"""Hostile and broken uploads are refused with a Chinese reason, before anything is saved."""
import io
import time
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from reports.models import Activity, Branch
from reports.workbook import MAX_UPLOAD_BYTES, WorkbookRejected, import_branches, import_workbook
from reports.workbook import reader

from .workbooks import HEADERS, make_workbook, replace_member, sheet

MB = 1024 * 1024
ACTIVITY_ROW = ["2023-03-08", None, "健步走", "体育活动"]

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">\n' for n in range(1, 10))
    + ']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
).encode()


@pytest.fixture
def school(cast):
    return cast.school


def a_workbook() -> io.BytesIO:
    return make_workbook(sheet("活动", ACTIVITY_ROW))


def refusal(branch, fileobj) -> str:
    """The one problem the upload is refused with, as a sentence; asserts nothing was saved."""
    with pytest.raises(WorkbookRejected) as excinfo:
        import_workbook(branch, fileobj, actor=None)
    assert not Activity.objects.exists()
    problems = excinfo.value.problems
    assert len(problems) == 1, problems
    return str(problems[0])


class Unseekable(io.RawIOBase):
    """A stream that can only be read forward, like a socket."""

    def __init__(self, content: bytes):
        self._source = io.BytesIO(content)
        self.bytes_read = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self._source.read(len(buffer))
        buffer[: len(data)] = data
        self.bytes_read += len(data)
        return len(data)


def test_the_limit_is_ten_megabytes():
    assert MAX_UPLOAD_BYTES == 10 * MB


def test_a_file_over_the_limit_is_refused_without_reading_it(school):
    class Measured(io.BytesIO):
        def read(self, *args):
            raise AssertionError("the size is known from seeking")

    big = Measured(b"PK\x03\x04" + bytes(MAX_UPLOAD_BYTES))
    assert refusal(school, big) == "文件超过 10 MB，请删去多余内容或拆分成几个文件分别导入。"


def test_an_unseekable_stream_over_the_limit_is_read_only_up_to_the_limit(school):
    stream = Unseekable(bytes(MAX_UPLOAD_BYTES + MB))
    assert "文件超过 10 MB" in refusal(school, stream)
    assert stream.bytes_read == MAX_UPLOAD_BYTES + 1


def test_a_lower_limit_applies_to_a_valid_workbook(school, monkeypatch):
    monkeypatch.setattr(reader, "MAX_UPLOAD_BYTES", 1000)
    assert "文件超过" in refusal(school, a_workbook())


@pytest.mark.parametrize(
    "make_upload",
    [
        lambda content: io.BytesIO(content),
        lambda content: Unseekable(content),
        lambda content: SimpleUploadedFile("台账.xlsx", content),
    ],
    ids=["bytesio", "unseekable", "uploaded-in-memory"],
)
def test_any_binary_file_object_is_read(school, make_upload):
    import_workbook(school, make_upload(a_workbook().getvalue()), actor=None)
    assert Activity.objects.get().title == "健步走"


def test_an_upload_spooled_to_disk_is_read(school):
    upload = TemporaryUploadedFile("台账.xlsx", "application/octet-stream", 0, None)
    upload.write(a_workbook().getvalue())
    upload.seek(0)
    import_workbook(school, upload, actor=None)
    assert Activity.objects.count() == 1


def test_an_empty_file_is_refused(school):
    assert refusal(school, io.BytesIO(b"")) == "文件是空的。"


@pytest.mark.parametrize(
    "content",
    [
        "开始日期,活动名称\n2023-03-08,健步走\n".encode("gbk"),  # a CSV renamed .xlsx
        b"{\\rtf1\\ansi Word}",
        b"<html><body>not a workbook</body></html>",
    ],
)
def test_a_text_file_renamed_xlsx_is_refused(school, content):
    assert refusal(school, io.BytesIO(content)) == (
        "文件不是 Excel 工作簿（.xlsx），请在 Excel 或 WPS 中打开后另存为 .xlsx 格式再导入。"
    )


def test_an_old_xls_file_is_refused_with_advice_to_save_as_xlsx(school):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)
    assert "请另存为 .xlsx 格式" in refusal(school, io.BytesIO(ole))


def test_a_zip_that_is_not_a_workbook_is_refused(school):
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert refusal(school, docx) == "文件已损坏或不是有效的 Excel 工作簿。"


def test_a_truncated_workbook_is_refused(school):
    content = a_workbook().getvalue()
    assert refusal(school, io.BytesIO(content[: len(content) // 2])) == "文件已损坏或不是有效的 Excel 工作簿。"


def test_a_workbook_with_broken_sheet_xml_is_refused(school):
    broken = replace_member(a_workbook(), "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row>")
    assert refusal(school, broken) == "文件已损坏或不是有效的 Excel 工作簿。"


def test_a_cell_openpyxl_cannot_read_is_refused_naming_its_sheet(school):
    xml = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + "<row r=\"1\">"
        + "".join(f'<c r="{chr(65 + n)}1" t="inlineStr"><is><t>{h}</t></is></c>' for n, h in enumerate(HEADERS["活动"]))
        + '</row><row r="2"><c r="A2" t="n"><v>not a number</v></c></row></sheetData></worksheet>'
    )
    broken = replace_member(a_workbook(), "xl/worksheets/sheet1.xml", xml.encode())
    assert refusal(school, broken) == "活动：文件已损坏或不是有效的 Excel 工作簿。"


def with_bomb(member: str, unpacked_mb: int) -> io.BytesIO:
    """A valid workbook whose `member` is replaced by `unpacked_mb` MB of zeros (~1 KB per MB packed)."""
    source = a_workbook()
    out = io.BytesIO()
    zero_mb = bytes(MB)
    with zipfile.ZipFile(source) as valid, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for info in valid.infolist():
            if info.filename != member:
                bomb.writestr(info.filename, valid.read(info))
                continue
            with bomb.open(member, "w", force_zip64=True) as stream:
                for _ in range(unpacked_mb):
                    stream.write(zero_mb)
    out.seek(0)
    return out


def test_a_zip_bomb_is_refused_quickly(school):
    began = time.perf_counter()
    bomb = with_bomb("xl/worksheets/sheet1.xml", 200)
    assert len(bomb.getvalue()) < MB
    assert refusal(school, bomb) == "文件解压后超过 100 MB，可能是恶意文件（压缩炸弹），已拒绝。"
    assert time.perf_counter() - began < 5


def test_a_member_packed_far_too_tightly_is_refused(school):
    bomb = with_bomb("xl/styles.xml", 5)
    assert refusal(school, bomb) == "文件中“xl/styles.xml”的压缩比异常，可能是恶意文件（压缩炸弹），已拒绝。"


@pytest.mark.parametrize(
    "member", ["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml"]
)
def test_an_xml_entity_bomb_is_refused(school, member):
    began = time.perf_counter()
    message = refusal(school, replace_member(a_workbook(), member, BILLION_LAUGHS))
    assert "可能是恶意文件" in message or "文件已损坏" in message
    assert time.perf_counter() - began < 5


def test_an_entity_bomb_in_a_sheet_is_named_as_unsafe(school):
    bomb = replace_member(a_workbook(), "xl/worksheets/sheet1.xml", BILLION_LAUGHS)
    assert refusal(school, bomb) == "文件中含有不允许的 XML 内容（实体声明），可能是恶意文件，已拒绝。"


def rows_workbook(count: int) -> io.BytesIO:
    book = openpyxl.Workbook(write_only=True)
    activities = book.create_sheet("活动")
    activities.append(HEADERS["活动"])
    for n in range(count):
        activities.append(["2023-03-08", None, f"活动{n}", "体育活动"])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_a_sheet_of_more_than_twenty_thousand_rows_is_refused(school):
    assert refusal(school, rows_workbook(20_001)) == "活动：数据超过 20000 行，请拆分成几个文件分别导入。"


def test_the_row_limit_counts_data_rows(school, monkeypatch):
    monkeypatch.setattr(reader, "MAX_DATA_ROWS", 3)
    import_workbook(school, rows_workbook(3), actor=None)
    assert Activity.objects.count() == 3
    with pytest.raises(WorkbookRejected):
        import_workbook(school, rows_workbook(4), actor=None)


def test_a_wrong_declared_sheet_size_loses_no_rows(school):
    """Read-only openpyxl trusts the <dimension> a file declares; some generators write a wrong one."""
    original = make_workbook(sheet("活动", ACTIVITY_ROW, ["2023-03-09", None, "拔河", "体育活动"]))
    with zipfile.ZipFile(original) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    assert b'<dimension ref="A1:K3"/>' in xml
    lying = replace_member(original, "xl/worksheets/sheet1.xml", xml.replace(b"A1:K3", b"A1:A1"))
    import_workbook(school, lying, actor=None)
    assert Activity.objects.count() == 2


def test_the_union_tree_import_is_as_careful(cast):
    before = Branch.objects.count()
    with pytest.raises(WorkbookRejected) as excinfo:
        import_branches(with_bomb("xl/worksheets/sheet1.xml", 200), actor=None)
    assert "压缩炸弹" in str(excinfo.value.problems[0])
    assert Branch.objects.count() == before
