"""draft_report: creates a draft, refreshes an existing summary, refuses bad input in Chinese."""
import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from reports.models import Report

from .records import make_activity

YEAR = datetime.date.today().year - 1


def run(*args):
    out = io.StringIO()
    call_command("draft_report", *args, stdout=out)
    return out.getvalue()


def test_creates_then_refreshes_a_summary(cast):
    output = run("--branch", "school", "--year", str(YEAR), "--kind", "summary")
    report = Report.objects.get(branch=cast.school, kind="summary", year=YEAR)
    assert "已起草" in output and f"/b/school/documents/{report.pk}/" in output
    make_activity(cast.school, datetime.date(YEAR, 4, 1), participants=12)
    output = run("--branch", "school", "--year", str(YEAR), "--kind", "summary")
    assert "数据已刷新" in output and "更新了" in output
    assert Report.objects.filter(branch=cast.school).count() == 1


def test_half_year_and_plan(cast):
    run("--branch", "school", "--year", str(YEAR), "--kind", "summary", "--half", "first")
    run("--branch", "school", "--year", str(YEAR + 1), "--kind", "plan")
    assert Report.objects.get(kind="summary").period == "first_half"
    assert Report.objects.get(kind="plan").year == YEAR + 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["--branch", "nope", "--year", str(YEAR), "--kind", "summary"], "没有代码为“nope”的工会组织"),
        (["--branch", "school", "--year", "1990", "--kind", "summary"], "年度应在"),
        (["--branch", "school", "--year", str(YEAR), "--kind", "plan", "--half", "first"], "只有工作总结可以按上半年起草"),
        (["--branch", "school", "--year", str(YEAR), "--kind", "plan", "--from-previous"], "没有找到"),
    ],
)
def test_bad_input_is_refused_in_chinese(cast, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not Report.objects.exists()
