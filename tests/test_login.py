"""The login page is Chinese and never reveals whether a username exists."""
from django.urls import reverse

from .conftest import PASSWORD


def test_login_page_is_chinese(client, db):
    page = client.get(reverse("login")).content.decode()
    assert "登录" in page and "用户名" in page and "密码" in page
    assert 'lang="zh-CN"' in page


def test_wrong_password_and_unknown_user_read_the_same(client, cast):
    wrong_password = client.post(reverse("login"), {"username": "alice", "password": "nope"}).content.decode()
    unknown_user = client.post(reverse("login"), {"username": "nobody-here", "password": "nope"}).content.decode()
    message = "用户名或密码不正确"
    assert message in wrong_password and message in unknown_user


def test_login_lands_on_the_users_branch(client, cast):
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("reports:branch_home", args=["school"])
    assert cast.school.name in response.content.decode()
