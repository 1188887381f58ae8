"""fixtures/example-records.xlsx: the records template with a few example rows."""
import io
from pathlib import Path

import openpyxl

from reports.management.commands import example_workbook as command
from reports.models import Honor, WelfarePayment
from reports.workbook import import_workbook
from reports.workbook.example import example_workbook

EXAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "example-records.xlsx"


def cell_values(content: bytes) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}


def test_the_example_imports_cleanly_into_a_union(cast):
    with EXAMPLE.open("rb") as fileobj:
        result = import_workbook(cast.school, fileobj, actor=None)
    assert result.created == {"会员": 2, "活动": 2, "帮扶慰问": 2, "荣誉": 1, "会议": 1}
    assert WelfarePayment.objects.get(branch=cast.school, member__isnull=False).member.name == "张强"
    assert Honor.objects.get(branch=cast.school).activity.title == "参加全县教职工篮球赛"


def test_the_checked_in_example_is_what_the_template_writes_now():
    """Regenerate it when the template changes: python manage.py example_workbook fixtures/example-records.xlsx"""
    assert cell_values(EXAMPLE.read_bytes()) == cell_values(example_workbook())


def test_the_command_writes_the_example(tmp_path):
    output = tmp_path / "example.xlsx"
    command.Command().run_from_argv(["manage.py", "example_workbook", str(output)])
    assert cell_values(output.read_bytes()) == cell_values(example_workbook())
