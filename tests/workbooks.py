"""Workbooks built in memory for the Excel tests."""
from __future__ import annotations

import io
import zipfile

import openpyxl

from reports.workbook.schema import RECORD_SHEETS

HEADERS = {spec.name: list(spec.headers) for spec in RECORD_SHEETS}
HEADERS["工会组织"] = ["代码", "全称", "简称", "上级代码", "类型", "行业", "职工总数"]


def make_workbook(sheets: dict[str, list[list]]) -> io.BytesIO:
    """{"活动": [headers, row, ...]} -> an .xlsx in memory, rewound."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def sheet(name: str, *rows: dict | list) -> dict[str, list[list]]:
    """One sheet with the standard headers; a row given as {header: value} fills the rest blank."""
    headers = HEADERS[name]
    return {name: [headers, *[_as_list(headers, row) for row in rows]]}


def _as_list(headers: list[str], row: dict | list) -> list:
    if isinstance(row, list):
        return row
    unknown = set(row) - set(headers)
    assert not unknown, f"not a header: {unknown}"
    return [row.get(header) for header in headers]


def workbook(*sheets: dict[str, list[list]]) -> io.BytesIO:
    """make_workbook from several sheet() results."""
    merged: dict[str, list[list]] = {}
    for one in sheets:
        merged.update(one)
    return make_workbook(merged)


def read_back(content: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(content))


def replace_member(xlsx: io.BytesIO, member: str, content: bytes) -> io.BytesIO:
    """The same .xlsx with one zip member's bytes replaced (for hostile files)."""
    xlsx.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(xlsx) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        assert member in source.namelist(), source.namelist()
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == member else source.read(info))
    out.seek(0)
    return out
