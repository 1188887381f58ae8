"""Writing workbooks in the import's own layout: the empty template and a branch's full export.

Text is always written as text: a cell starting with = + - @ stays the characters it holds and is
never turned into a formula, so an export opened in Excel cannot run anything and re-imports as is.
"""
from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from decimal import Decimal
from io import BytesIO

from django.db import models
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..models import Activity, Branch
from .reader import EXAMPLE_MARK, MAX_DATA_ROWS
from .references import activity_reference
from .schema import HONORS, MEMBERS, PAYMENTS, RECORD_SHEETS, Column, Kind, SheetSpec, kind_of

DATE_FORMAT = "yyyy-mm-dd"
AMOUNT_FORMAT = "0.00"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
EXAMPLE_FILL = PatternFill("solid", fgColor="D9D9D9")
EXAMPLE_FONT = Font(color="595959", italic=True)
WIDTHS = {Kind.DATE: 12, Kind.BOOL: 10, Kind.AMOUNT: 14, Kind.COUNT: 10, Kind.CHOICE: 20, Kind.REFERENCE: 12}


def export_branch(branch: Branch) -> bytes:
    """Every record of the branch, in the layout import_workbook(actor=None) reads back."""
    return _workbook_bytes({spec: _records(spec, branch) for spec in RECORD_SHEETS})


UNIT_HEADER = "单位"


def export_area(records_of, period_start: datetime.date, period_end: datetime.date) -> bytes:
    """The records of many branches in one workbook (a federation's area): the import's sheets
    with a first column 单位 naming the branch of each row, records dated within the period and
    the members on the register. `records_of` is a Q over a record's branch. Not for re-import:
    the import reads one branch's workbook, without the 单位 column."""
    return _workbook_bytes(
        {spec: _area_records(spec, records_of, period_start, period_end) for spec in RECORD_SHEETS}, with_unit=True
    )


def _area_records(spec: SheetSpec, records_of, start: datetime.date, end: datetime.date) -> Iterable[models.Model]:
    records = spec.model.objects.filter(records_of)
    if spec is not MEMBERS:  # the register is every member, whenever she joined
        records = records.in_period(start, end)
    records = records.select_related("branch").order_by("branch__path", *spec.export_order)
    if spec is PAYMENTS:
        records = records.select_related("member")
    elif spec is HONORS:
        records = records.select_related("activity")
    return records.iterator(chunk_size=2000)


def empty_sheets_with(examples: dict[SheetSpec, models.Model], before: Callable[[Workbook], None]) -> bytes:
    """The five sheets without records, an example row on each, and sheets of the caller's own
    written first (template.py: the 说明 sheet)."""
    return _workbook_bytes({spec: () for spec in RECORD_SHEETS}, examples=examples, before=before)


def workbook_of(records: dict[SheetSpec, Iterable[models.Model]]) -> bytes:
    """The template filled with the given records, saved or not (see example.py)."""
    return _workbook_bytes({spec: records.get(spec, ()) for spec in RECORD_SHEETS})


def export_sheet(spec: SheetSpec, records: models.QuerySet) -> bytes:
    """Some records of one kind (a ledger's filtered rows, in its order), as that kind's sheet of
    the full export: the same columns, notes and drop-down lists, so the file imports as it is."""
    return _workbook_bytes({spec: _with_references(spec, records).iterator(chunk_size=2000)})


def sheet_of(model: type[models.Model]) -> SheetSpec:
    return next(spec for spec in RECORD_SHEETS if spec.model is model)


def _records(spec: SheetSpec, branch: Branch) -> Iterable[models.Model]:
    records = spec.model.objects.filter(branch=branch).order_by(*spec.export_order)
    return _with_references(spec, records).iterator(chunk_size=2000)


def _with_references(spec: SheetSpec, records: models.QuerySet) -> models.QuerySet:
    """The records with the rows their reference columns name read in the same query."""
    if spec is PAYMENTS:
        records = records.select_related("member")
    elif spec is HONORS:
        records = records.select_related("activity")
    return records


def _workbook_bytes(
    sheets: dict[SheetSpec, Iterable[models.Model]],
    *,
    examples: dict[SheetSpec, models.Model] | None = None,
    before: Callable[[Workbook], None] | None = None,
    with_unit: bool = False,
) -> bytes:
    """The sheets with their records; `examples` puts a marked example row first on its sheet,
    `before` writes sheets of its own ahead of the record sheets (the template's 说明), `with_unit`
    adds a first column 单位 naming each row's branch (an area's export)."""
    book = Workbook(write_only=True)
    if before is not None:
        before(book)
    for spec, records in sheets.items():
        sheet = book.create_sheet(spec.name)
        fields = [spec.field(column) for column in spec.columns]
        _lay_out(sheet, spec, fields, first_column=2 if with_unit else 1)
        unit = [_unit_header(sheet)] if with_unit else []
        sheet.append(unit + [_header_cell(sheet, column) for column in spec.columns])
        if examples and spec in examples:
            sheet.append(_example_row(sheet, fields, examples[spec]))
        for record in records:
            unit = [text_cell(sheet, record.branch.display_name)] if with_unit else []
            sheet.append(unit + [_cell(sheet, field, getattr(record, field.name)) for field in fields])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _unit_header(sheet) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, UNIT_HEADER)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    return cell


def _example_row(sheet, fields: list[models.Field], record: models.Model) -> list[WriteOnlyCell]:
    """A record shown as a filled-in row: grey, its first cell starting with 示例 (EXAMPLE_MARK), the
    mark by which the import knows to skip it."""
    cells = []
    for position, field in enumerate(fields):
        value = _cell(sheet, field, getattr(record, field.name))
        value = value.value if isinstance(value, Cell) else value
        if position == 0:
            value = f"{EXAMPLE_MARK} {_as_text(value)}".strip()
        cell = WriteOnlyCell(sheet, value)
        if isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT
        elif isinstance(value, Decimal):
            cell.number_format = AMOUNT_FORMAT
        elif isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
        cell.fill = EXAMPLE_FILL
        cell.font = EXAMPLE_FONT
        cells.append(cell)
    return cells


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m-%d}"
    return str(value)


def _lay_out(sheet, spec: SheetSpec, fields: list[models.Field], *, first_column: int = 1) -> None:
    """Widths, a frozen header row and drop-down lists; write-only sheets take these before rows.
    A leading 单位 column (first_column=2) is wide enough for a union's name."""
    sheet.freeze_panes = "A2"
    if first_column > 1:
        sheet.column_dimensions["A"].width = 30
    for index, (header, field) in enumerate(zip(spec.headers, fields), start=first_column):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(_width(field), 2 * len(header) + 4)
        options = _options(field)
        if options:
            validation = DataValidation(
                type="list",
                formula1='"{}"'.format(",".join(options)),
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="输入有误",
                error=f"请从下拉列表中选择{header}。",
            )
            validation.add(f"{letter}2:{letter}{MAX_DATA_ROWS + 1}")
            sheet.data_validations.append(validation)


def _width(field: models.Field) -> int:
    kind = kind_of(field)
    if kind is not Kind.TEXT:
        return WIDTHS[kind]
    if isinstance(field, models.TextField):
        return 40
    return 14 if field.max_length <= 50 else 24


def _options(field: models.Field) -> list[str]:
    kind = kind_of(field)
    if kind is Kind.CHOICE:
        return [label for _, label in field.flatchoices]
    if kind is Kind.BOOL:
        return ["是", "否"]
    return []


def _header_cell(sheet, column: Column) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, column.header)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    if column.note:
        cell.comment = Comment(column.note, "填写说明", width=320, height=140)
    return cell


def _cell(sheet, field: models.Field, value: object) -> object:
    """A value for sheet.append(): plain where openpyxl writes it right, a formatted cell otherwise."""
    if value is None or value == "":
        return None
    kind = kind_of(field)
    if kind is Kind.REFERENCE:
        return text_cell(sheet, _reference_text(value))
    if kind is Kind.CHOICE:
        return dict(field.flatchoices).get(value, value)
    if kind is Kind.BOOL:
        return "是" if value else "否"
    if isinstance(value, datetime.date):
        return _formatted(sheet, value, DATE_FORMAT)
    if isinstance(value, Decimal):
        return _formatted(sheet, value, AMOUNT_FORMAT)
    if isinstance(value, str):
        return text_cell(sheet, value)
    return value


def _reference_text(record: models.Model) -> str:
    """Another record as its cell names it: a member by name, an activity by title and start date."""
    if isinstance(record, Activity):
        return activity_reference(record.title, record.start_date)
    return record.name


def _formatted(sheet, value: object, number_format: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    cell.number_format = number_format
    return cell


def text_cell(sheet, text: str) -> object:
    # Control characters cannot be stored in a worksheet at all; they are the only change made.
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if not text.startswith(FORMULA_STARTS):
        return text
    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"  # openpyxl takes a leading "=" for a formula
    cell.quotePrefix = True  # and Excel keeps the cell text when it is edited
    return cell
