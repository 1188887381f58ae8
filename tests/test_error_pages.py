"""Every error page is in Chinese, in the site's frame, with a way back (返回上一页 / 回到首页):
400, 403 (with the app's own reason), 404, 405, 500, a stale CSRF token and the login lockout.
The tests run with DEBUG off, as the site does."""
import datetime

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from reports.documents import services

YEAR = datetime.date.today().year - 1
ENGLISH = ("Not Found", "Forbidden", "Bad Request", "Server Error", "Method Not Allowed", "CSRF")


def assert_chinese_error_page(response, status, *phrases):
    page = response.content.decode()
    assert response.status_code == status
    assert 'data-testid="error-page"' in page and "返回上一页" in page and "回到首页" in page
    assert not [word for word in ENGLISH if word in page]
    for phrase in phrases:
        assert phrase in page
    return page


@pytest.fixture
def alice(client, cast, settings):
    assert not settings.DEBUG
    client.force_login(cast.alice)
    return client


def test_an_unknown_address_is_a_chinese_404(alice):
    page = assert_chinese_error_page(alice.get("/no/such/page/"), 404, "找不到这个页面")
    assert "工会工作报告系统" in page and "退出登录" in page  # the site's frame, signed in


def test_a_404_shows_the_apps_own_reason_and_never_djangos(alice, cast):
    summary = services.create_summary(branch=cast.school, year=YEAR, user=None)
    assert_chinese_error_page(alice.get(reverse("reports:revision_diff", args=["school", summary.pk])), 404, "这份报告只有一稿。")
    page = assert_chinese_error_page(alice.get(reverse("reports:document", args=["school", 999999])), 404)
    assert "matches the given query" not in page


def test_a_403_says_why(alice, cast):
    summary = services.create_summary(branch=cast.school, year=YEAR, user=None)
    response = alice.get(reverse("reports:document_return", args=["school", summary.pk]))
    assert_chinese_error_page(response, 403, "只有本工会的主席可以退回报告。")


def test_a_wrong_method_is_a_chinese_405_not_a_blank_page(alice, cast):
    summary = services.create_summary(branch=cast.school, year=YEAR, user=None)
    response = alice.get(reverse("reports:document_submit", args=["school", summary.pk]))
    assert_chinese_error_page(response, 405, "只能通过页面上的按钮提交")
    assert response["Allow"] == "POST"
    assert "Content-Security-Policy" in response


def test_a_bad_request_is_a_chinese_400(client, db):
    assert_chinese_error_page(client.get("/", HTTP_HOST="evil.example"), 400, "请求无法处理")


def test_the_500_page_is_chinese_and_reads_nothing_from_the_database():
    # No database fixture: any query here fails the test (the database may be what broke).
    response = server_error(RequestFactory().get("/"))
    assert_chinese_error_page(response, 500, "系统出错了")


def test_a_stale_csrf_token_explains_what_happened(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.alice)
    summary = services.create_summary(branch=cast.school, year=YEAR, user=None)
    response = client.post(reverse("reports:document_edit", args=["school", summary.pk]), {"action": "save"})
    assert_chinese_error_page(response, 403, "页面已过期", "在另一个窗口退出后又重新登录")
    assert response["X-CSRF-Failure"] == "1"


def test_the_lockout_page_says_how_long_it_lasts(client, cast, settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=20)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("login"), {"username": "alice", "password": "wrong"})
    assert response.status_code == 429
    assert "账号已暂时锁定" in response.content.decode() and "请20分钟后再试" in response.content.decode()
