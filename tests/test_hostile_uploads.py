"""Hostile uploads through the pages: each refused with a Chinese message, saving nothing, without
reading much into memory. (bench/hostile_uploads.py measures how long each refusal takes.)"""
import io
import tracemalloc
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.models import Activity, Branch, Member

from .conftest import PASSWORD
from .workbooks import replace_member, sheet, workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEMORY_CEILING = 150 * 1024 * 1024


def hundred_thousand_rows() -> bytes:
    book = openpyxl.Workbook(write_only=True)
    rows = book.create_sheet("活动")
    rows.append(["开始日期", "结束日期", "活动名称", "类别", "参加人次", "地点", "费用（元）", "合办单位", "活动情况", "成效"])
    for i in range(100_000):
        rows.append(["2024-05-01", None, f"活动{i}", "体育活动", 10, None, None, None, None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"0" * (1024 * 1024)
            for _ in range(300):
                member.write(chunk)
    return buffer.getvalue()


def entity_bomb() -> bytes:
    lol = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10)
    ) + "]>"
    xml = f'<?xml version="1.0"?>{lol}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
    return replace_member(workbook(sheet("活动", {"开始日期": "2024-05-01", "活动名称": "x", "类别": "体育活动"})), "xl/worksheets/sheet1.xml", xml.encode()).getvalue()


HOSTILE = {
    "oversized": lambda: b"PK" + b"\0" * (11 * 1024 * 1024),
    "text renamed to xlsx": lambda: "姓名,性别\n张三,男\n".encode(),
    "old xls renamed to xlsx": lambda: bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 4096,
    "100,000 rows": hundred_thousand_rows,
    "zip bomb": zip_bomb,
    "XML entity bomb": entity_bomb,
}


@pytest.fixture
def secretary(client, cast):
    assert client.login(username="alice", password=PASSWORD)
    return client


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_workbooks_are_refused_and_save_nothing(secretary, cast, kind):
    content = HOSTILE[kind]()
    upload = SimpleUploadedFile("台账.xlsx", content, content_type=XLSX)
    # tracemalloc slows a 100,000-row read tenfold; bench/hostile_uploads.py measures that one.
    traced = kind != "100,000 rows"
    if traced:
        tracemalloc.start()
    response = secretary.post(reverse("reports:excel", args=["school"]), {"file": upload})
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    if traced:
        tracemalloc.stop()
    assert response.status_code == 200
    page = response.content.decode()
    assert "没有导入任何数据" in page
    assert response.context["problems"] or response.context["form"].errors
    assert not Activity.objects.exists() and not Member.objects.exists()
    assert peak < MEMORY_CEILING, f"{kind}: {peak / 1e6:.0f} MB"


def test_an_oversized_union_sheet_is_refused_too(client, cast):
    client.login(username="sam", password=PASSWORD)
    before = Branch.objects.count()
    upload = SimpleUploadedFile("unions.xlsx", b"PK" + b"\0" * (11 * 1024 * 1024), content_type=XLSX)
    response = client.post(reverse("reports:branches_import"), {"file": upload})
    assert "文件超过" in response.content.decode()
    assert Branch.objects.count() == before
