"""In a real browser, the demo county: the officer sees the unions' states and the area's totals,
drills down, drafts, edits, submits and exports the county's own summary; its chair approves."""
import datetime

import pytest
from django.db.models import Sum

from reports.demo import load_demo
from reports.models import Activity

from .browser import log_in, send

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_county_officer_and_chair(browser, live_server):
    load_demo()
    year = datetime.date.today().year - 1
    officer = browser.new_context(locale="zh-CN", base_url=live_server.url, accept_downloads=True).new_page()
    log_in(officer, "county-officer", "unionreports")

    officer.goto(f"/b/county/board/?year={year}")
    board = officer.get_by_test_id("board")
    assert board.locator("tr", has_text="示范县实验小学工会").get_by_text("已通过").is_visible()
    assert board.locator("tr", has_text="示范县住房和城乡建设局机关工会").get_by_text("已通过").is_visible()
    assert board.locator("tr", has_text="示范县自来水公司工会").get_by_text("未起草").count() == 2

    officer.get_by_role("link", name="全区域数据").click()
    approved = Activity.objects.filter(branch__code__in=["school", "bureau"], start_date__year=year)
    assert officer.locator("[data-figure=activities]").inner_text() == str(approved.count())
    children = officer.get_by_test_id("children")
    school_row = children.locator("tr", has_text="示范县实验小学工会")
    school_participants = Activity.objects.filter(branch__code="school", start_date__year=year).aggregate(n=Sum("participants"))["n"]
    assert str(school_participants) in school_row.inner_text()
    assert "0" == children.locator("tr", has_text="示范县自来水公司工会").locator("td").nth(1).inner_text()  # not approved: not counted
    school_row.get_by_role("link").click()  # drill down to the union
    assert officer.get_by_role("heading", name="示范县实验小学工会委员会").is_visible()

    officer.goto("/b/county/documents/")
    officer.get_by_label("年度").select_option(str(year))
    officer.get_by_role("button", name="起草").click()
    assert officer.locator(".official .doc-title").inner_text() == f"示范县总工会{year}年工作总结"
    assert officer.locator(".official").get_by_text(f"全县2个基层工会共开展各类活动{approved.count()}次").is_visible()
    officer.get_by_role("link", name="选取典型做法").click()
    officer.get_by_test_id("source-school").locator("input[type=checkbox]").first.check()
    officer.get_by_role("button", name="加入工作总结").click()
    assert officer.get_by_text("已把 1 段典型做法加入工作总结").is_visible()
    assert officer.locator(".official .doc-h2", has_text="示范县实验小学工会").is_visible()
    officer.get_by_role("link", name="编辑").click()
    marked = officer.locator(".edit-paragraph.border-warning textarea")
    for i in range(marked.count()):
        marked.nth(i).fill(f"县总工会结合全县实际写的第{i + 1}段。")
    send(officer, officer.get_by_role("button", name="保存", exact=True).last)
    officer.get_by_role("button", name="提交审核").click()
    assert officer.get_by_text("已提交工会主席审核").is_visible()
    assert not officer.get_by_role("link", name="审核通过").is_visible()  # officers never approve
    with officer.expect_download() as info:
        officer.get_by_role("link", name="下载 Word").click()
    assert info.value.suggested_filename == f"示范县总工会{year}年工作总结（草稿）.docx"

    chair = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(chair, "county-chair", "unionreports")
    chair.get_by_test_id("worklist").get_by_role("link").click()
    chair.get_by_role("link", name="审核通过").click()
    chair.locator("dialog#approve-dialog").get_by_role("button", name="确认通过").click()
    assert chair.get_by_test_id("state").inner_text() == "已通过"
