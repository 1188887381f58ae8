"""In a real browser: a secretary adds an activity and a payment through the forms, finds them in
the ledgers and on the home page, then uploads a workbook with errors and a good one."""
import datetime

import openpyxl
import pytest

from reports.models import Activity, WelfarePayment

from .browser import log_in, send
from .conftest import PASSWORD, Cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVITY_HEADERS = ["开始日期", "结束日期", "活动名称", "类别", "参加人次", "地点", "费用（元）", "合办单位", "活动情况", "成效"]


def workbook_file(tmp_path, name, activity_rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "活动"
    sheet.append(ACTIVITY_HEADERS)
    for row in activity_rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def test_secretary_keeps_records_in_the_browser(page, tmp_path):
    Cast()
    year = datetime.date.today().year
    day = datetime.date.today().replace(day=1).isoformat()
    log_in(page, "alice", PASSWORD)

    page.get_by_role("link", name="活动台账").click()
    page.get_by_role("link", name="添加活动").click()
    page.get_by_label("活动名称").fill("教职工气排球比赛")
    page.get_by_label("类别").select_option(label="体育活动")
    page.get_by_label("开始日期").fill(day)
    page.get_by_label("参加人次").fill("48")
    page.get_by_label("费用（元）").fill("1200.5")
    send(page, page.get_by_role("button", name="保存"))
    assert page.get_by_text("已添加活动：教职工气排球比赛").is_visible()
    assert page.get_by_role("cell", name="教职工气排球比赛").is_visible()

    page.get_by_role("link", name="帮扶慰问台账").click()
    page.get_by_role("link", name="添加帮扶慰问").click()
    page.get_by_label("日期").fill(day)
    page.get_by_label("事由").select_option(label="生病住院慰问")
    page.get_by_label("对象说明").fill("住院职工")
    page.get_by_label("人次").fill("3")
    page.get_by_label("慰问金（元）").fill("-1")
    send(page, page.get_by_role("button", name="保存"))
    assert page.get_by_text("金额不能为负数。").is_visible()  # refused with a Chinese message
    page.get_by_label("慰问金（元）").fill("900")
    send(page, page.get_by_role("button", name="保存"))
    assert page.get_by_role("cell", name="住院职工").is_visible()
    assert WelfarePayment.objects.count() == 1

    page.get_by_role("link", name="概览").click()
    page.goto(f"/b/school/?year={year}")
    assert page.locator("[data-figure=activities-count]").inner_text() == "1"
    assert page.locator("[data-figure=welfare-headcount]").inner_text() == "3"
    assert page.get_by_test_id("welfare-by-reason").get_by_text("生病住院慰问").is_visible()

    page.get_by_role("link", name="Excel 导入导出").click()
    bad = workbook_file(tmp_path, "bad.xlsx", [
        ["2024-05-01", None, "职工篮球赛", "体育活动", 30, "体育馆", 500, None, None, None],
        ["2024/13/40", None, "日期写错的活动", "体育活动", 10, None, None, None, None, None],
        ["2024-06-01", "2024-05-01", "结束早于开始", "不存在的类别", -3, None, None, None, None, None],
    ])
    page.get_by_label("Excel 工作簿").set_input_files(str(bad))
    page.get_by_role("button", name="上传并导入").click()
    problems = page.get_by_test_id("import-problems")
    assert problems.is_visible()
    text = problems.inner_text()
    assert "开始日期" in text and "类别" in text and "参加人次" in text
    assert Activity.objects.count() == 1  # nothing of the bad workbook was saved

    good = workbook_file(tmp_path, "good.xlsx", [
        ["2024-05-01", None, "职工篮球赛", "体育活动", 30, "体育馆", 500, None, None, None],
        ["2024年6月1日", None, "六一亲子活动", "亲子与职工子女活动", 25, None, None, None, None, None],
    ])
    page.get_by_label("Excel 工作簿").set_input_files(str(good))
    page.get_by_role("button", name="上传并导入").click()
    assert page.get_by_text("导入完成").is_visible()
    assert Activity.objects.count() == 3
