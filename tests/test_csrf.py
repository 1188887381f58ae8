"""Every state-changing request without a CSRF token is refused (403): no view is exempt."""
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from .conftest import PASSWORD
from .test_access_matrix import MATRIX, POST_DATA, USERNAMES, world  # noqa: F401  (the fixture)

# Each URL that accepts POST, with a role allowed to use it.
STATE_CHANGING = sorted(
    (name, next(role for role, methods in answers.items() if methods["POST"] == "ok" and role != "anonymous"))
    for name, answers in MATRIX.items()
    if any(methods["POST"] == "ok" for role, methods in answers.items() if role != "anonymous")
)


def test_the_list_covers_every_form_of_the_site():
    names = {name for name, _ in STATE_CHANGING}
    assert {"login", "reports:record_add", "reports:document_approve", "reports:excel", "reports:set_deadlines",
            "reports:branch_info", "reports:plan_item_mark", "reports:send_reminders", "reports:notification_open",
            "reports:inbox_read_all", "reports:document_autosave",
            "reports:document_withdraw", "reports:comment_add"} <= names
    assert "password_change" in names
    assert len(names) == 25


@pytest.mark.parametrize("name, role", STATE_CHANGING)
def test_post_without_a_token_is_refused(world, name, role):  # noqa: F811
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username=USERNAMES[role]))
    response = client.post(reverse(name, kwargs=world[name]), POST_DATA)
    assert response.status_code == 403, name


def test_login_without_a_token_is_refused(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    assert response.status_code == 403


def test_logout_without_a_token_is_refused(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.alice)
    assert client.post(reverse("logout")).status_code == 403


def test_in_page_login_without_a_token_is_refused(cast):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login_json"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 403 and "_auth_user_id" not in client.session
