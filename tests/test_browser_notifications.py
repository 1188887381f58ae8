"""In a real browser: the secretary submits, the chair signs in, sees the unread count in the
header, opens her inbox and reaches the document from the message."""
import datetime

import pytest

from reports.documents import services

from .browser import log_in
from .conftest import PASSWORD, Cast
from .reviews import fill_placeholders

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_chair_is_told_of_a_submission_and_reaches_the_document(browser, live_server):
    cast = Cast()
    report = services.create_summary(branch=cast.school, year=datetime.date.today().year - 1, user=None)
    fill_placeholders(report)
    document_url = f"/b/school/documents/{report.pk}/"

    secretary = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(secretary, "alice", PASSWORD)
    secretary.goto(document_url)
    secretary.get_by_role("button", name="提交审核").click()
    assert secretary.get_by_text("已通知工会主席（站内消息）").is_visible()

    chair = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(chair, "carol", PASSWORD)
    assert chair.get_by_test_id("unread-count").inner_text() == "1"
    chair.get_by_test_id("inbox-link").click()
    message = chair.get_by_test_id("notification")
    assert "已提交，等待您审核" in message.inner_text() and "未读" in message.inner_text()
    message.click()
    chair.wait_for_url(f"**{document_url}")
    assert chair.get_by_test_id("state").inner_text() == "待审核"
    assert chair.get_by_test_id("unread-count").count() == 0
    assert chair.get_by_role("link", name="审核通过").is_visible()
    secretary.context.close()
    chair.context.close()
