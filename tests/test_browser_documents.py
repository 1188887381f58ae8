"""In a real browser: a secretary drafts last year's summary and this year's plan, edits them and
looks at the preview (the waterworks union: the demo leaves its documents to be written)."""
import datetime

import pytest

from reports.demo import load_demo
from reports.documents.content import Document
from reports.models import Report

from .browser import log_in, send

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretary_drafts_edits_and_previews(page):
    load_demo()
    this_year = datetime.date.today().year
    log_in(page, "waterworks-secretary", "unionreports")
    page.get_by_role("link", name="计划与总结", exact=True).click()

    page.get_by_label("报告").select_option("summary")
    page.get_by_label("年度").select_option(str(this_year - 1))
    page.get_by_role("button", name="起草").click()
    assert page.get_by_text(f"已起草{this_year - 1}年工作总结").is_visible()
    assert page.get_by_test_id("placeholders").is_visible()
    assert page.locator(".official .doc-title").inner_text() == f"示范县自来水公司工会{this_year - 1}年工作总结"
    assert page.locator(".official").get_by_text("三届四次职工代表大会").is_visible()

    page.get_by_role("link", name="编辑").click()
    # Every paragraph marked 参考措辞 (存在问题, and 下一年工作打算 while no plan for it exists).
    marked = page.locator(".edit-paragraph.border-warning textarea")
    assert marked.count() >= 3
    for i in range(marked.count()):
        marked.nth(i).fill(f"我校工会结合实际改写的第{i + 1}段。")
    send(page, page.locator("button[value='add_section']"))
    page.locator("input[name^='h:u-']").fill("开展“书香水司”职工读书活动")
    page.locator(".card:has(input[name^='h:u-']) textarea").fill("工会组织教职工开展读书月活动，交流读书心得。")
    send(page, page.get_by_role("button", name="保存", exact=True).last)
    assert page.get_by_text("已保存。").is_visible()
    assert not page.get_by_test_id("placeholders").is_visible()
    assert page.locator(".official").get_by_text("开展“书香水司”职工读书活动").is_visible()

    summary = Report.objects.get(branch__code="waterworks", kind="summary", year=this_year - 1)
    document = Document.from_dict(summary.current_revision().content)
    assert document.placeholders() == []
    assert any(s.heading == "开展“书香水司”职工读书活动" for s in document.sections)

    page.get_by_role("link", name="计划与总结", exact=True).click()
    page.get_by_label("报告").select_option("plan")
    page.get_by_label("年度").select_option(str(this_year))
    page.get_by_role("button", name="起草").click()
    assert page.locator(".official table.doc-schedule").is_visible()
    page.get_by_role("link", name="编辑").click()
    page.locator("input[name='title']").fill(f"示范县自来水公司工会{this_year}年工会工作计划（修订）")
    send(page, page.get_by_role("button", name="保存", exact=True).last)
    assert page.locator(".official .doc-title").inner_text().endswith("（修订）")

    with page.expect_popup() as popup:
        page.get_by_role("link", name="打印预览").click()
    preview = popup.value
    preview.wait_for_load_state()
    assert preview.locator(".paper .doc-title").is_visible()
    assert preview.locator(".doc-schedule th").first.inner_text() == "月份"
