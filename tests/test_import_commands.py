"""`manage.py import_workbook` and `import_branches`: a summary per sheet, or every problem and exit 1."""
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from reports.models import Activity, Branch, Member

from .workbooks import make_workbook, sheet


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def fails(*args) -> tuple[CommandError, str]:
    err = StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command(*args, stdout=StringIO(), stderr=err)
    return excinfo.value, err.getvalue()


def saved(tmp_path, fileobj, name="台账.xlsx") -> str:
    path = tmp_path / name
    path.write_bytes(fileobj.getvalue())
    return str(path)


def records(tmp_path) -> str:
    return saved(
        tmp_path,
        make_workbook(
            {
                **sheet("会员", {"姓名": "王丽", "性别": "女"}),
                **sheet("活动", ["2023-03-08", None, "健步走", "体育活动"], ["2023-03-09", None, "拔河", "体育活动"]),
            }
        ),
    )


def test_import_workbook_prints_a_summary_per_sheet(cast, tmp_path):
    path = records(tmp_path)
    out, err = run("import_workbook", "--branch", "school", path)
    assert out.splitlines() == [
        "已导入school工会：",
        "会员：新增 1 条，跳过 0 条已存在的记录",
        "活动：新增 2 条，跳过 0 条已存在的记录",
        "帮扶慰问：新增 0 条，跳过 0 条已存在的记录",
        "荣誉：新增 0 条，跳过 0 条已存在的记录",
        "会议：新增 0 条，跳过 0 条已存在的记录",
    ]
    assert err == ""
    out, _ = run("import_workbook", "--branch", "school", path)
    assert "活动：新增 0 条，跳过 2 条已存在的记录" in out.splitlines()
    assert Activity.objects.filter(branch=cast.school).count() == 2


def test_import_workbook_lists_every_problem_and_saves_nothing(cast, tmp_path):
    path = saved(
        tmp_path,
        make_workbook(
            {
                **sheet("会员", {"姓名": "王丽", "性别": "女"}),
                **sheet("活动", ["2023.13.40", None, "健步走", "体育活动"], ["2023-03-09", None, "拔河", "球类"]),
            }
        ),
    )
    error, err = fails("import_workbook", "--branch", "school", path)
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0] == "活动 第2行 开始日期：日期格式无法识别：2023.13.40"
    assert lines[1].startswith("活动 第3行 类别：无法识别“球类”，可填写：")
    assert str(error) == "工作簿有 2 处问题，没有导入任何数据。"
    assert error.returncode == 1
    assert not Member.objects.exists()


def test_import_workbook_refuses_an_unknown_branch(cast, tmp_path):
    error, _ = fails("import_workbook", "--branch", "nowhere", records(tmp_path))
    assert str(error) == "没有代码为“nowhere”的工会组织。"


def test_import_workbook_refuses_a_missing_file(cast, tmp_path):
    error, _ = fails("import_workbook", "--branch", "school", str(tmp_path / "none.xlsx"))
    assert str(error) == f"找不到文件：{tmp_path / 'none.xlsx'}"


def test_import_workbook_refuses_a_file_that_is_not_a_workbook(cast, tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_text("姓名,性别\n王丽,女\n", encoding="utf-8")
    error, err = fails("import_workbook", "--branch", "school", str(path))
    assert err.startswith("文件不是 Excel 工作簿（.xlsx）")
    assert str(error) == "工作簿有 1 处问题，没有导入任何数据。"


def test_import_branches_prints_its_counts(cast, tmp_path):
    path = saved(
        tmp_path,
        make_workbook(
            sheet(
                "工会组织",
                ["school2", "第二小学工会", None, "county", "基层工会", "学校", 30],
                ["school", "实验学校工会", None, "county", "基层工会", "学校", 50],
                ["plant", cast.plant.name, cast.plant.short_name, "county", "基层工会", "企业", 0],
            )
        ),
    )
    out, err = run("import_branches", path)
    assert out.splitlines() == ["工会组织：新增 1 个，更新 1 个，没有变化的 1 个"]
    assert Branch.objects.get(code="school").name == "实验学校工会"


def test_import_branches_lists_every_problem_and_saves_nothing(cast, tmp_path):
    path = saved(
        tmp_path,
        make_workbook(
            sheet(
                "工会组织",
                ["school2", "第二小学工会", None, "county", "基层工会", "学校", 30],
                ["school3", "第三小学工会", None, "nowhere", "基层工会", "学校", 30],
            )
        ),
    )
    error, err = fails("import_branches", path)
    assert err.splitlines() == ["工会组织 第3行 上级代码：上级代码“nowhere”不存在：本表和系统中都没有这个代码。"]
    assert error.returncode == 1
    assert not Branch.objects.filter(code="school2").exists()


def test_a_refused_workbook_ends_the_process_with_status_1(tmp_path):
    """The real command line: problems on stderr, exit status 1 (the file is refused before any query)."""
    path = tmp_path / "工会.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"}
    manage = Path(__file__).resolve().parent.parent / "manage.py"
    done = subprocess.run(
        [sys.executable, str(manage), "import_branches", str(path)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "请另存为 .xlsx 格式" in done.stderr
    assert "工作簿有 1 处问题，没有导入任何数据。" in done.stderr
