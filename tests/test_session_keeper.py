"""Signing in again without leaving the page: the forms' script asks who is signed in (with a
fresh CSRF token), and signs her in through a JSON login that django-axes throttles like the
login page, and only for the user the page was opened for. A save refused because another tab
saved keeps her text in a form she can save."""
import datetime

import pytest
from django.test import Client
from django.urls import reverse

from reports.documents import services

from .conftest import PASSWORD
from .drafting_helpers import document_of, edit_post

YEAR = datetime.date.today().year - 1


def sign_in(client, username, password):
    return client.post(reverse("login_json"), {"username": username, "password": password})


def test_the_session_says_who_is_signed_in_and_gives_a_token(client, cast):
    anonymous = client.get(reverse("session_status")).json()
    assert anonymous["username"] == "" and anonymous["csrf_token"]
    client.force_login(cast.alice)
    assert client.get(reverse("session_status")).json()["username"] == "alice"


def test_signing_in_in_place_starts_a_session_and_gives_the_new_token(cast):
    client = Client(enforce_csrf_checks=True)
    token = client.get(reverse("session_status")).json()["csrf_token"]
    response = client.post(reverse("login_json"), {"username": "alice", "password": PASSWORD}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200 and response.json()["username"] == "alice"
    assert client.session["_auth_user_id"] == str(cast.alice.pk)
    # The token login() rotated in is the one the page's forms now carry: it is accepted.
    fresh = response.json()["csrf_token"]
    saved = client.post(reverse("reports:branch_info", args=["school"]), {"csrfmiddlewaretoken": fresh})
    assert saved.status_code != 403


def test_a_wrong_password_is_refused_in_chinese(client, cast):
    response = sign_in(client, "alice", "wrong")
    assert response.status_code == 401 and response.json()["error"] == "用户名或密码不正确。请注意密码区分大小写。"
    assert "_auth_user_id" not in client.session


def test_the_lockout_applies_to_signing_in_in_place(client, cast, settings):
    answers = [sign_in(client, "alice", "wrong").json()["error"] for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert "再输错" not in answers[0] and "再输错1次，账号将被锁定" in answers[-2]  # warned before the lock, as on the login page
    locked = sign_in(client, "alice", PASSWORD)
    assert locked.status_code == 429
    assert "暂时锁定" in locked.json()["error"] and f"请{settings.AXES_COOLOFF_TIME.seconds // 60}分钟后再试" in locked.json()["error"]
    assert "_auth_user_id" not in client.session


@pytest.fixture
def summary(cast):
    return services.create_summary(branch=cast.school, year=YEAR, user=None)


def test_a_save_refused_for_another_tabs_save_can_be_saved_again(client, cast, summary):
    client.force_login(cast.alice)
    url = reverse("reports:document_edit", args=["school", summary.pk])
    old_tab = edit_post(summary, **{"p:opening": "我在旧标签页写的开头。", "action": "save"})
    client.post(url, edit_post(summary, **{"p:opening": "另一个标签页保存的开头。", "action": "save"}))
    refused = client.post(url, old_tab)
    assert refused.status_code == 409 and "我在旧标签页写的开头。" in refused.content.decode()
    assert document_of(summary).paragraph("opening").text == "另一个标签页保存的开头。"
    # The refused page's form names the current version: saving it again is her choice, and holds.
    current = summary.current_revision()
    again = refused.context["version"], refused.context["loaded_revision"]
    assert again == (current.version, current.number)
    assert client.post(url, {**old_tab, "version": again[0], "revision": again[1]}).status_code == 302
    assert document_of(summary).paragraph("opening").text == "我在旧标签页写的开头。"


def test_the_page_is_continued_only_by_the_user_it_was_opened_for(client, cast):
    data = {"username": "carol", "password": PASSWORD, "expected": "alice"}
    refused = client.post(reverse("login_json"), data)
    assert refused.status_code == 403 and "只能由“alice”重新登录后继续提交" in refused.json()["error"]
    assert "_auth_user_id" not in client.session
    # The one it was opened for signs in as before.
    back = client.post(reverse("login_json"), {**data, "username": "alice"})
    assert back.status_code == 200 and client.session["_auth_user_id"] == str(cast.alice.pk)
