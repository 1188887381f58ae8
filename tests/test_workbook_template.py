"""The downloaded template explains itself (a 说明 sheet) and shows one example row per sheet,
which the import skips and says so."""
import io

import openpyxl
from django.urls import reverse

from reports.models import Activity, Meeting, Member
from reports.workbook import build_template, import_workbook
from reports.workbook.schema import RECORD_SHEETS

from .conftest import PASSWORD


def template_book():
    return openpyxl.load_workbook(io.BytesIO(build_template()))


def instructions_text(book) -> str:
    return "\n".join(" ".join(str(v) for v in row if v) for row in book["说明"].iter_rows(values_only=True))


def test_the_instructions_name_every_sheet_column_and_format():
    text = instructions_text(template_book())
    for spec in RECORD_SHEETS:
        assert f"“{spec.name}”表" in text
        for header in spec.headers:
            assert header in text
    assert "姓名 必填" in text and "出生日期 可留空" in text
    assert "2025/3/8" in text and "1200.50" in text  # date and money formats
    assert "教职工代表大会" in text and "工会经费" in text  # allowed values
    assert "示例" in text and "跳过" in text


def test_each_sheet_has_one_grey_example_row_marked_in_its_first_cell():
    book = template_book()
    for spec in RECORD_SHEETS:
        sheet = book[spec.name]
        assert sheet.max_row == 2
        assert sheet["A2"].value.startswith("示例")
        assert all(cell.fill.fgColor.rgb.endswith("D9D9D9") for cell in sheet[2])


def test_a_filled_template_imports_its_rows_and_skips_the_examples(cast):
    book = template_book()
    book["会员"].append(["李娜", "女"])
    book["会议"].append(["2024-03-01", "工会委员会会议", None, 7])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    result = import_workbook(cast.school, buffer, actor=None)
    assert list(Member.objects.values_list("name", flat=True)) == ["李娜"]
    assert Meeting.objects.count() == 1 and not Activity.objects.exists()
    assert result.examples == {spec.name: 1 for spec in RECORD_SHEETS}
    assert result.examples_note().startswith("已跳过标有“示例”的示例行（会员 1 行、")


def test_the_upload_page_says_the_examples_were_skipped(client, cast):
    assert client.login(username="alice", password=PASSWORD)
    upload = io.BytesIO(build_template())
    upload.name = "模板.xlsx"
    response = client.post(reverse("reports:excel", args=["school"]), {"file": upload}, follow=True)
    assert "已跳过标有“示例”的示例行" in response.content.decode()
    assert not Member.objects.exists()
