"""修改密码 in the site's frame, refusing a wrong old password or a weak new one in Chinese, and locking
the account after repeated wrong old passwords like the login; and a 使用说明 page for each role,
linked from every page's header."""
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from .conftest import PASSWORD

NEW_PASSWORD = "工会台账-2025-春"


def login(client, username="alice"):
    assert client.login(username=username, password=PASSWORD)
    return client


def change(client, old, new, again=None):
    data = {"old_password": old, "new_password1": new, "new_password2": new if again is None else again}
    return client.post(reverse("password_change"), data)


def password_is(username, password) -> bool:
    return get_user_model().objects.get(username=username).check_password(password)


def test_the_header_links_to_password_change_and_help(client, cast):
    page = login(client).get(reverse("reports:branch_home", args=["school"])).content.decode()
    assert f'href="{reverse("password_change")}">修改密码</a>' in page
    assert f'href="{reverse("reports:help")}">使用说明</a>' in page


def test_the_form_is_chinese_in_the_sites_frame(client, cast):
    page = login(client).get(reverse("password_change")).content.decode()
    assert "修改密码" in page and "原密码" in page and "再次输入新密码" in page
    assert "工会工作报告系统" in page and "navbar" in page


def test_a_good_change_works_and_keeps_the_user_signed_in(client, cast):
    response = change(login(client), PASSWORD, NEW_PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("password_change_done")
    assert "密码已修改" in client.get(response["Location"]).content.decode()
    assert password_is("alice", NEW_PASSWORD)
    assert client.get(reverse("reports:branch_home", args=["school"])).status_code == 200


@pytest.mark.parametrize("old, new, again, message", [
    ("wrong-password", NEW_PASSWORD, None, "原密码不正确，请重新输入。"),
    (PASSWORD, "20250301", None, "密码只包含数字。"),
    (PASSWORD, "abc", None, "密码太短，至少需要 8 个字符。"),
    (PASSWORD, "password", None, "这个密码太常见了。"),
    (PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x", "两次输入的新密码不一致。"),
])
def test_a_bad_change_is_refused_in_chinese_and_changes_nothing(client, cast, old, new, again, message):
    response = change(login(client), old, new, again)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert password_is("alice", PASSWORD)


def test_signed_out_users_are_sent_to_log_in(client, cast):
    assert client.get(reverse("password_change"))["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("username, role", [("alice", "secretary"), ("carol", "chair"), ("oscar", "officer"), ("nobody", "secretary")])
def test_help_opens_on_the_users_own_role(client, cast, username, role):
    response = login(client, username).get(reverse("reports:help"))
    assert response["Location"] == reverse("reports:help_role", args=[role])


@pytest.mark.parametrize("role, says", [
    ("secretary", ["工会干事一年要做的事", "会员名册", "导出Excel", "数据来源"]),
    ("chair", ["工会主席一年要做的事", "退回修改", "审核通过", "“数据来源”链接在编辑页面上"]),
    ("officer", ["上级工会工作人员一年要做的事", "报送情况", "全区域数据"]),
])
def test_each_role_has_a_short_plain_page(client, cast, role, says):
    page = login(client).get(reverse("reports:help_role", args=[role])).content.decode()
    for words in says:
        assert words in page
    steps = page.split('<ol class="help-steps">')[1].split("</ol>")[0]
    assert steps.count("<li>") <= 6  # one screen


def test_an_unknown_help_page_is_404(client, cast):
    assert login(client).get(reverse("reports:help_role", args=["boss"])).status_code == 404


def test_guessing_the_old_password_locks_the_account_like_the_login(client, cast, settings):
    login(client)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        change(client, "wrong-password", NEW_PASSWORD)
    locked = change(client, PASSWORD, NEW_PASSWORD)
    assert locked.status_code == 429 and "账号已暂时锁定" in locked.content.decode()
    assert f"请{settings.AXES_COOLOFF_TIME.seconds // 60}分钟后再试" in locked.content.decode()
    assert password_is("alice", PASSWORD)
