"""In a real browser, the review path of the demo: secretary drafts and submits, the chair writes a
comment beside a section and returns, the secretary sees it beside the text, fixes, resolves and
resubmits, the chair approves through the confirmation with an opinion, the downloads are
byte-identical on repeat, the chair reopens, and revision 1 stays downloadable. And a submission
withdrawn before the chair acts on it."""
import datetime
import hashlib

import pytest

from reports.demo import load_demo

from .browser import log_in, send

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def download(page, link_name):
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name, exact=True).first.click()
    return open(info.value.path(), "rb").read()


def test_review_path(browser, live_server):
    load_demo()
    year = datetime.date.today().year - 1
    secretary = browser.new_context(locale="zh-CN", base_url=live_server.url, accept_downloads=True).new_page()
    chair = browser.new_context(locale="zh-CN", base_url=live_server.url, accept_downloads=True).new_page()
    log_in(secretary, "waterworks-secretary", "unionreports")
    log_in(chair, "waterworks-chair", "unionreports")

    secretary.get_by_role("link", name="计划与总结", exact=True).click()
    secretary.get_by_label("年度").select_option(str(year))
    secretary.get_by_role("button", name="起草").click()
    document_url = secretary.url
    secretary.get_by_role("button", name="提交审核").click()
    assert secretary.get_by_text("暂不能提交").is_visible()  # placeholders remain
    secretary.get_by_role("link", name="编辑").click()
    marked = secretary.locator(".edit-paragraph.border-warning textarea")
    for i in range(marked.count()):
        marked.nth(i).fill(f"我公司工会结合实际写的第{i + 1}段。")
    send(secretary, secretary.get_by_role("button", name="保存", exact=True).last)
    secretary.get_by_role("button", name="提交审核").click()
    assert secretary.get_by_text("已提交工会主席审核").is_visible()

    chair.goto("/b/waterworks/")
    chair.get_by_test_id("worklist").get_by_role("link").click()
    culture_margin = chair.locator("#k-culture")
    culture_margin.get_by_text("批注", exact=True).click()
    culture_margin.locator("textarea").fill("补充职工书画摄影展的情况。")
    culture_margin.get_by_role("button", name="保存批注").click()
    assert chair.locator("#k-culture").get_by_text("补充职工书画摄影展的情况。").is_visible()
    chair.get_by_label("总体意见（没有批注时必填）").fill("请把文体活动写得具体一些。")
    send(chair, chair.get_by_role("button", name="退回修改"))
    assert chair.get_by_test_id("state").inner_text() == "退回修改"

    secretary.goto("/b/waterworks/")
    assert secretary.get_by_test_id("worklist").get_by_text("请把文体活动写得具体一些。").is_visible()
    secretary.goto(document_url)
    assert secretary.locator("#k-culture .review-margin").get_by_text("补充职工书画摄影展的情况。").is_visible()
    secretary.get_by_role("link", name="编辑").click()
    culture = secretary.locator("#culture")
    assert culture.get_by_text("补充职工书画摄影展的情况。").is_visible()
    culture.locator("textarea").first.fill("五一前夕，公司工会组织开展职工书画摄影展，展出职工作品。")
    send(secretary, culture.get_by_role("button", name="标记为已解决"))
    assert secretary.locator("#culture").get_by_text("（已解决）").is_visible()
    secretary.goto(document_url)
    secretary.get_by_role("button", name="提交审核").click()

    chair.goto(document_url)
    assert chair.get_by_test_id("comments").get_by_text("已解决").is_visible()
    chair.get_by_role("link", name="查看退回后的修改").click()
    assert "五一前夕，公司工会组织开展职工书画摄影展" in chair.get_by_test_id("diff").inner_text()
    assert "补充职工书画摄影展的情况。" in chair.get_by_test_id("return-comments").inner_text()
    chair.goto(document_url)
    chair.get_by_role("link", name="审核通过").click()
    dialog = chair.locator("dialog#approve-dialog")
    assert dialog.is_visible()
    dialog.get_by_label("审批意见（可不填）").fill("同意。请按总结落实明年工作。")
    dialog.get_by_role("button", name="确认通过").click()
    assert chair.get_by_test_id("state").inner_text() == "已通过"
    assert "同意。请按总结落实明年工作。" in chair.get_by_test_id("timeline").inner_text()
    first_docx, first_pdf = download(chair, "下载 Word"), download(chair, "下载 PDF")
    assert download(chair, "下载 Word") == first_docx and download(chair, "下载 PDF") == first_pdf
    assert hashlib.sha256(first_pdf).hexdigest() not in chair.get_by_test_id("review-panel").inner_text()
    chair.get_by_text("文件校验码").click()
    assert hashlib.sha256(first_pdf).hexdigest() in chair.get_by_test_id("review-panel").inner_text()

    chair.get_by_label("重新打开的理由（必填）").fill("上级要求补充劳动竞赛数据。")
    send(chair, chair.get_by_role("button", name="重新打开"))
    assert chair.get_by_test_id("state").inner_text() == "草稿"
    revisions = chair.get_by_test_id("revisions")
    assert "第2稿：草稿" in revisions.inner_text() and "第1稿：已通过" in revisions.inner_text()
    with chair.expect_download() as info:
        revisions.locator("li", has_text="第1稿").get_by_role("link", name="PDF").click()
    assert open(info.value.path(), "rb").read() == first_pdf
    assert "上级要求补充劳动竞赛数据。" in chair.get_by_test_id("timeline").inner_text()


def test_withdraw_before_the_chair_acts(browser, live_server):
    load_demo()
    year = datetime.date.today().year - 1
    secretary = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(secretary, "waterworks-secretary", "unionreports")
    secretary.get_by_role("link", name="计划与总结", exact=True).click()
    secretary.get_by_label("年度").select_option(str(year))
    secretary.get_by_role("button", name="起草").click()
    secretary.get_by_role("link", name="编辑").click()
    marked = secretary.locator(".edit-paragraph.border-warning textarea")
    for i in range(marked.count()):
        marked.nth(i).fill(f"我公司工会结合实际写的第{i + 1}段。")
    secretary.get_by_role("button", name="保存", exact=True).last.click()
    secretary.get_by_role("button", name="提交审核").click()
    assert secretary.get_by_test_id("state").inner_text() == "待审核"
    secretary.get_by_role("button", name="撤回").click()
    assert secretary.get_by_text("已撤回").is_visible()
    assert secretary.get_by_test_id("state").inner_text() == "草稿"
    assert "撤回" in secretary.get_by_test_id("timeline").inner_text()
