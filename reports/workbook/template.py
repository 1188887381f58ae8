"""The records template a secretary downloads: a 说明 sheet first, then the five record sheets,
each with one grey example row that the import skips (its first cell starts with 示例).

The example rows are the records of example.py, so the template, fixtures/example-records.xlsx
and the import's rules agree; the 说明 sheet is written from the sheets' own columns and the
models' choices, so a column or a choice added later is explained without touching this file.
"""
from __future__ import annotations

from django.db import models
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.workbook.workbook import Workbook

from .example import example_records
from .exporter import empty_sheets_with
from .reader import EXAMPLE_MARK
from .schema import ACTIVITIES, HONORS, MEETINGS, MEMBERS, PAYMENTS, RECORD_SHEETS, Column, Kind, SheetSpec, kind_of

INSTRUCTIONS = "说明"
SHEET_PURPOSES = {
    MEMBERS: "会员名册：每位会员一行。帮扶慰问表中的“会员姓名”要与这里（或系统中已有）的姓名一致。",
    ACTIVITIES: "活动台账：工会组织或组织参加的每次活动一行，写入工作总结的相应部分。",
    PAYMENTS: "帮扶慰问台账：每次慰问或帮扶一行。发给一位会员的填“会员姓名”，人次为 1；"
    "发给一批人的不填会员姓名，在“对象说明”中写明对象并填写总人次。",
    HONORS: "荣誉：工会、会员或集体获得的每项荣誉或奖项一行。",
    MEETINGS: "会议：职代会/教代会、会员大会、工会委员会会议等，每次会议一行；同一天、同一届次的同类会议只登记一次。",
}
GENERAL_RULES = (
    "本工作簿用于把台账成批导入系统。每张表的第一行是表头，不要修改、删除或调换表头。",
    f"每张表第二行灰色的是示例行（第一格以“{EXAMPLE_MARK}”开头），只作填写参考，导入时会跳过；可以删除，也可以保留。",
    "从示例行下面一行起填写，每条记录一行。不需要的表可以留空。",
    "日期写成 2025-03-08、2025/3/8 或 2025年3月8日；金额以元为单位，最多两位小数，例如 1200.50，不要写“元”字。",
    "标有下拉箭头的列请从列表中选择；“是否”类的列填写“是”或“否”。",
    "整份工作簿要么全部导入，要么一条也不导入：有任何错误时，系统会列出每处问题（哪张表、第几行、哪一列），请改好后重新上传。",
    "系统中已经有的相同记录会自动跳过，重复上传同一份工作簿不会产生重复数据。",
)
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def build_template() -> bytes:
    """The template: the 说明 sheet, then the five sheets with headers, drop-down lists and one
    example row each."""
    examples = {spec: records[0] for spec, records in _one_of_each().items()}
    return empty_sheets_with(examples, _write_instructions)


def _one_of_each() -> dict[SheetSpec, list[models.Model]]:
    """The example records, with the activity the example honor was won at shown as the activity
    example, so that the two rows read together."""
    records = example_records()
    honor = records[HONORS][0]
    records[ACTIVITIES] = [honor.activity]
    return records


def _write_instructions(book: Workbook) -> None:
    sheet = book.create_sheet(INSTRUCTIONS)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 10
    sheet.column_dimensions["C"].width = 90
    sheet.append([_styled(sheet, "工会台账导入模板 填写说明", TITLE_FONT)])
    for rule in GENERAL_RULES:
        sheet.append([None, None, _styled(sheet, rule)])
    for spec in RECORD_SHEETS:
        sheet.append([])
        sheet.append([_styled(sheet, f"“{spec.name}”表", BOLD), None, _styled(sheet, SHEET_PURPOSES[spec])])
        sheet.append([_styled(sheet, "列名", BOLD), _styled(sheet, "是否必填", BOLD), _styled(sheet, "填写方法", BOLD)])
        for column in spec.columns:
            sheet.append([column.header, "必填" if _required(spec, column) else "可留空", _styled(sheet, _how_to_fill(spec, column))])


def _styled(sheet, text: str, font: Font | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, text)
    cell.alignment = WRAP
    if font is not None:
        cell.font = font
    return cell


def _required(spec: SheetSpec, column: Column) -> bool:
    """A blank cell is refused (see cells._blank_value) unless the field has a default or may be empty."""
    field = spec.field(column)
    return not (field.has_default() or field.null or field.blank)


def _how_to_fill(spec: SheetSpec, column: Column) -> str:
    field = spec.field(column)
    kind = kind_of(field)
    if kind is Kind.DATE:
        text = "日期，例如 2025-03-08。"
    elif kind is Kind.AMOUNT:
        text = "金额（元），最多两位小数，例如 1200.50；留空为 0。"
    elif kind is Kind.COUNT:
        text = f"整数；留空为 {field.get_default()}。" if field.has_default() else "整数。"
    elif kind is Kind.BOOL:
        text = "填写“是”或“否”；留空为否。"
    elif kind is Kind.CHOICE:
        labels = [label for _, label in field.flatchoices]
        text = f"从下拉列表选择：{'、'.join(labels)}。"
        if field.has_default() and field.get_default():
            text += f"留空为“{dict(field.flatchoices)[field.get_default()]}”。"
    elif kind is Kind.REFERENCE and column.note:
        text = ""
    elif kind is Kind.REFERENCE:
        text = "填写本工会会员的姓名（本工作簿“会员”表中或系统中已有）。"
    else:
        text = f"文字，最多 {field.max_length} 个字。" if field.max_length else "文字。"
    help_text = str(field.help_text or "")
    return " ".join(part for part in (text, column.note or help_text) if part)
