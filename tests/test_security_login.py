"""Login: lockout after repeated failures, idle sessions expire, strong passwords, and the
production settings pass Django's deployment checks."""
import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from .conftest import PASSWORD

MANAGE = Path(__file__).resolve().parent.parent / "manage.py"


def attempt(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, cast, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert "用户名或密码不正确" in attempt(client, "alice", "wrong").content.decode()
    locked = attempt(client, "alice", "wrong")
    assert locked.status_code == 429 and "账号已暂时锁定" in locked.content.decode()
    assert attempt(client, "alice", PASSWORD).status_code == 429  # the right password does not help now
    assert attempt(client, "carol", PASSWORD).status_code == 302  # other accounts are unaffected


def test_the_lock_lifts_after_the_cool_off(client, cast, settings):
    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "alice", "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(minutes=1))
    assert attempt(client, "alice", PASSWORD).status_code == 302


def test_unknown_usernames_read_like_wrong_passwords_even_when_locked(client, cast, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "no-such-user", "wrong")
    # An unknown name is locked like a real one: the answer does not tell which names exist.
    assert attempt(client, "no-such-user", "wrong").status_code == 429


def test_sessions_expire_after_idle_time(client, cast, settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST and settings.SESSION_COOKIE_AGE == 30 * 60
    client.login(username="alice", password=PASSWORD)
    url = reverse("reports:branch_home", args=["school"])
    assert client.get(url).status_code == 200
    session = client.session
    session.set_expiry(timezone.now() - datetime.timedelta(seconds=1))
    session.save()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("password", ["123", "12345678", "password", "alice2025"])
def test_weak_passwords_are_refused(cast, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=cast.alice)


def test_a_strong_password_is_accepted(cast):
    validate_password("Lv-ya9-tea-Qiao", user=cast.alice)


def test_production_settings_pass_the_deployment_checks():
    # A production environment: without what the browser tests set in this process.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DEBUG": "false",
        "SECRET_KEY": "k" + "7Hq2mZp9LwX4vRb8NcT1sYd6FgJ3kUe5AiO0" * 2,
        "ALLOWED_HOSTS": "reports.example.org",
        "HTTPS": "true",
        "DATABASE_URL": "sqlite:////tmp/unionreports-deploy-check.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, str(MANAGE), "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("username", ["alice", "no-such-user"])
def test_the_last_tries_before_the_lock_are_announced_alike_for_any_name(client, cast, settings, username):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    answers = [attempt(client, username, "wrong").content.decode() for _ in range(4)]
    assert all("用户名或密码不正确" in answer for answer in answers)
    assert "再输错" not in answers[0] and "再输错" not in answers[1]
    assert "再输错2次，账号将被锁定15分钟。" in answers[2]
    assert "再输错1次，账号将被锁定15分钟。" in answers[3]
    assert attempt(client, username, "wrong").status_code == 429

