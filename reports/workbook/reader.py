"""Opening an uploaded workbook safely and reading its sheets' rows.

Every check that can refuse a hostile file runs before openpyxl parses anything: the size, the file
signature, and the zip directory (a zip bomb declares its unpacked sizes there). openpyxl then reads
in read-only mode, with defusedxml refusing XML entity tricks.
"""
from __future__ import annotations

import os
import zipfile
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from typing import IO

import openpyxl
from defusedxml import DefusedXmlException
from openpyxl.workbook.workbook import Workbook

from .cells import cell_text, is_blank, normalise_label
from .results import Problem, WorkbookRejected

MB = 1024 * 1024
MAX_UPLOAD_BYTES = 10 * MB
MAX_UNPACKED_BYTES = 100 * MB
# Sheet XML compresses about 10:1; only a bomb packs a large member far tighter than this.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECKED_FROM_BYTES = 1 * MB
MAX_DATA_ROWS = 20_000

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc, and password-protected .xlsx

EMPTY = "文件是空的。"
NOT_XLSX = "文件不是 Excel 工作簿（.xlsx），请在 Excel 或 WPS 中打开后另存为 .xlsx 格式再导入。"
OLD_FORMAT = "这是旧版 Excel（.xls）或设置了密码的文件，无法读取，请另存为 .xlsx 格式（不设密码）后再导入。"
CORRUPT = "文件已损坏或不是有效的 Excel 工作簿。"
UNSAFE_XML = "文件中含有不允许的 XML 内容（实体声明），可能是恶意文件，已拒绝。"
UNPACKS_TOO_BIG = "文件解压后超过 {limit} MB，可能是恶意文件（压缩炸弹），已拒绝。"
ODD_RATIO = "文件中“{name}”的压缩比异常，可能是恶意文件（压缩炸弹），已拒绝。"
TOO_BIG = "文件超过 {limit} MB，请删去多余内容或拆分成几个文件分别导入。"
TOO_MANY_ROWS = "数据超过 {limit} 行，请拆分成几个文件分别导入。"


# The template's example rows start with this in their first cell; the import skips them.
EXAMPLE_MARK = "示例"


@dataclass(frozen=True)
class Row:
    number: int  # the Excel row number
    values: tuple[object, ...]  # one per expected header

    @property
    def is_example(self) -> bool:
        first = self.values[0] if self.values else None
        return isinstance(first, str) and first.strip().startswith(EXAMPLE_MARK)


def read_workbook(
    fileobj: IO[bytes],
    layouts: Mapping[str, Sequence[str]],
    optional: Mapping[str, Collection[str]] | None = None,
) -> tuple[dict[str, list[Row]], list[Problem]]:
    """The non-blank data rows of each sheet named in `layouts` (sheet name -> headers) that the file
    has, and a problem for each such sheet whose header row differs. Other sheets are ignored.

    `optional` names, per sheet, the headers a workbook may lack (columns added to the template
    later); a row of such a workbook has None, a blank cell, in their place.

    Raises WorkbookRejected when the file is too big, not an .xlsx, hostile or malformed.
    """
    stream = _checked_stream(fileobj)
    with _untrusted(""):
        book = openpyxl.load_workbook(stream, read_only=True, data_only=True, keep_links=False)
    try:
        titles = {title.strip(): title for title in book.sheetnames}
        sheets: dict[str, list[Row]] = {}
        problems: list[Problem] = []
        for name, headers in layouts.items():
            if name in titles:
                rows = _read_sheet(book, titles[name], name, headers, (optional or {}).get(name, ()))
                if isinstance(rows, Problem):
                    problems.append(rows)
                else:
                    sheets[name] = rows
        return sheets, problems
    finally:
        book.close()


def _reject(message: str, sheet: str = "") -> WorkbookRejected:
    return WorkbookRejected([Problem(sheet, None, "", message)])


@contextmanager
def _untrusted(sheet: str) -> Iterator[None]:
    """Parsing of an uploaded file. zipfile and openpyxl report malformed input with many exception
    types (KeyError, ValueError, BadZipFile, XML errors...); to the secretary they all mean one thing."""
    try:
        yield
    except Exception as error:
        raise _reject(UNSAFE_XML if _refused_by_defusedxml(error) else CORRUPT, sheet) from None


def _refused_by_defusedxml(error: BaseException | None) -> bool:
    """openpyxl wraps parse errors in its own ValueError; the cause tells what happened."""
    while error is not None:
        if isinstance(error, DefusedXmlException):
            return True
        error = error.__cause__ or error.__context__
    return False


def _checked_stream(fileobj: IO[bytes]) -> IO[bytes]:
    stream = _within_size_limit(fileobj)
    signature = stream.read(len(OLE_SIGNATURE))
    stream.seek(0)
    if not signature:
        raise _reject(EMPTY)
    if signature == OLE_SIGNATURE:
        raise _reject(OLD_FORMAT)
    if not signature.startswith(ZIP_SIGNATURE):
        raise _reject(NOT_XLSX)
    _check_archive(stream)
    return stream


def _within_size_limit(fileobj: IO[bytes]) -> IO[bytes]:
    """The upload as a seekable stream at its start, refused if larger than MAX_UPLOAD_BYTES."""
    too_big = _reject(TOO_BIG.format(limit=MAX_UPLOAD_BYTES // MB))
    if fileobj.seekable():
        # Measured by seeking, so a large upload is never read into memory.
        if fileobj.seek(0, os.SEEK_END) > MAX_UPLOAD_BYTES:
            raise too_big
        fileobj.seek(0)
        return fileobj
    data = fileobj.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise too_big
    return BytesIO(data)


def _check_archive(stream: IO[bytes]) -> None:
    """Refuse a zip bomb from the sizes its directory declares (zipfile never unpacks past them)."""
    with _untrusted(""), zipfile.ZipFile(stream) as archive:
        members = archive.infolist()
    stream.seek(0)
    if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        raise _reject(UNPACKS_TOO_BIG.format(limit=MAX_UNPACKED_BYTES // MB))
    for member in members:
        if (
            member.file_size > RATIO_CHECKED_FROM_BYTES
            and member.file_size > MAX_COMPRESSION_RATIO * member.compress_size
        ):
            raise _reject(ODD_RATIO.format(name=member.filename))


def _read_sheet(
    book: Workbook, title: str, name: str, headers: Sequence[str], optional: Collection[str]
) -> list[Row] | Problem:
    rows = _sheet_rows(book[title], name)
    found = _normalised_header(next(rows, ()))
    positions = _column_positions(found, headers, optional)
    if positions is None:
        if not found and not any(_has_data(values) for values in rows):
            return []  # an empty sheet, perhaps with some formatting
        return Problem(name, 1, "", _header_message(headers, optional))
    width = len(found)
    data: list[Row] = []
    for number, values in enumerate(rows, start=2):
        if not _has_data(values):
            continue
        if len(data) == MAX_DATA_ROWS:
            # Stop here: the rest of a huge sheet is never parsed.
            raise _reject(TOO_MANY_ROWS.format(limit=MAX_DATA_ROWS), name)
        cells = (tuple(values) + (None,) * width)[:width]
        data.append(Row(number, tuple(None if p is None else cells[p] for p in positions)))
    return data


def _column_positions(found: list[str], headers: Sequence[str], optional: Collection[str]) -> list[int | None] | None:
    """Where each expected header is in the sheet (None for an optional one it lacks), or None when
    the header row is not the template's: the headers in order, optional ones perhaps left out."""
    expected = [normalise_label(header) for header in headers]
    left_out = {normalise_label(header) for header in optional} - set(found)
    if found != [header for header in expected if header not in left_out]:
        return None
    where = {header: position for position, header in enumerate(found)}
    return [where.get(header) for header in expected]


def _header_message(headers: Sequence[str], optional: Collection[str]) -> str:
    message = f"表头与模板不一致，应依次为：{'、'.join(headers)}"
    if optional:
        names = "、".join(f"“{header}”" for header in headers if header in optional)
        message += f"（旧模板没有的{names}列可以不要）"
    return message


def _sheet_rows(sheet, name: str) -> Iterator[tuple[object, ...]]:
    """Rows from row 1 on. A read-only sheet is parsed while it is iterated, so parse errors surface
    here. The dimensions the file declares are ignored: a wrong one would silently drop rows."""
    with _untrusted(name):
        sheet.reset_dimensions()
        yield from sheet.iter_rows(values_only=True)


def _has_data(values: tuple[object, ...]) -> bool:
    return not all(is_blank(value) for value in values)


def _normalised_header(values: tuple[object, ...]) -> list[str]:
    labels = ["" if is_blank(value) else normalise_label(cell_text(value)) for value in values]
    while labels and not labels[-1]:
        labels.pop()
    return labels
